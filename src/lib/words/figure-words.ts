/**
 * How a figure reads in running text and chart labels: its value with qualifier and unit as
 * the sources write it, and its period. Pure functions of the figure and the unit table, so
 * chart specs can use them without reaching for the dataset.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';
import { formatIsoDate, formatPeriod, formatWithUnit, shownQualifier } from './format.ts';

/** The value as the sources write it, with qualifier and unit: 37.5亿美元, 58%, 4.4个百分点, 150个以上; in English 3.75 billion US dollars, 150 or more. */
export function figureValue(f: SiteFigure, lookups: Pick<Dataset, 'units'>, lang: Lang = 'zh'): string {
  const unit = lookups.units.get(f.unit);
  if (!unit) throw new Error(`figure ${f.id} has unit "${f.unit}", which units.csv does not define`);
  const text = formatWithUnit(f.valueText, unit, lang, shownQualifier(f));
  // English counts have no measure word: the indicator's name says what is counted
  if (f.unit !== 'count' || lang === 'en') return text;
  // in running text a bare count needs its measure word: 255个, 150个以上
  const exact = formatWithUnit(f.valueText, unit, lang, 'exact');
  return text.replace(exact, t(lang, 'charts.common.count' as MessageKey, { value: exact }));
}

/** 2023年, 2020年上半年, 2021年1—4月, 2020—2021年合计, 2021年3月1日 */
export function figurePeriod(f: Pick<SiteFigure, 'period_start' | 'period_end'>, lang: Lang = 'zh'): string {
  const { period_start: s, period_end: e } = f;
  if (s === e) return formatIsoDate(s, lang);
  const ys = s.slice(0, 4);
  const ye = e.slice(0, 4);
  if (ys !== ye && s.endsWith('-01-01') && e.endsWith('-12-31'))
    return t(lang, 'charts.common.yearsTotal' as MessageKey, { from: ys, to: ye });
  return formatPeriod(s, e, lang);
}

/** A place's name in the reader's language; an unknown place stops the build with its id. */
export function placeName(lookups: Pick<Dataset, 'places'>, geo: string, lang: Lang): string {
  const p = lookups.places.get(geo);
  if (!p) throw new Error(`place "${geo}" is not in places.csv`);
  return lang === 'zh' ? p.name_zh : p.name_en;
}

/** An indicator's name in the reader's language (签约5亿元以上项目). */
export function indicatorName(lookups: Pick<Dataset, 'indicators'>, id: string, lang: Lang): string {
  const ind = lookups.indicators.get(id);
  if (!ind) throw new Error(`indicator "${id}" is not in indicators.csv`);
  return lang === 'zh' ? ind.name_zh : ind.name_en;
}
