/**
 * How a figure reads in running text and chart labels: its value with qualifier and unit as
 * the sources write it, and its period. Pure functions of the figure and the unit table, so
 * chart specs can use them without reaching for the dataset.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';
import { formatIsoDate, formatPeriod, formatWithUnit, shownQualifier } from './format.ts';
import { localized } from '../data/table-facts.ts';

/** The value as the sources write it, with qualifier and unit: 37.5亿美元, 58%, 4.4个百分点, 150个以上; in English 3.75 billion US dollars, 150 or more. */
export function figureValue(f: SiteFigure, lookups: Pick<Dataset, 'units'>, lang: Lang = 'zh'): string {
  const unit = lookups.units.get(f.unit);
  if (!unit) throw new Error(`figure ${f.id} has unit "${f.unit}", which units.csv does not define`);
  const text = formatWithUnit(f.valueText, unit, lang, shownQualifier(f));
  // English counts have no measure word: the indicator's name says what is counted
  if (f.unit !== 'count' || lang === 'en') return text;
  // in running text a bare count needs its measure word, the source's own: 70座, 12场, 408家; 个 where it gives none
  const exact = formatWithUnit(f.valueText, unit, lang, 'exact');
  const word = measureWordOf(f);
  return text.replace(exact, word ? `${exact}${word}` : t(lang, 'charts.common.count' as MessageKey, { value: exact }));
}

/** Measure words a count is written with (个, 家, 座, 场 …). */
const MEASURE_WORDS = '个家座场项条所批栋幢名位户宗次届期件处台套艘架辆只份篇列';

/** The measure word the quote writes after the figure's number (70座 → 座), or undefined. */
export function measureWordOf(f: Pick<SiteFigure, 'valueText' | 'quote'>): string | undefined {
  const n = f.valueText.replace(/[.]/gu, '\\.');
  const m = new RegExp(`(?<![\\d.])${n}\\s*(?:余|多)?([${MEASURE_WORDS}])`, 'u').exec(f.quote);
  return m?.[1];
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
  return localized(p, 'name', lang);
}

/** An indicator's name in the reader's language (签约5亿元以上项目). */
export function indicatorName(lookups: Pick<Dataset, 'indicators'>, id: string, lang: Lang): string {
  const ind = lookups.indicators.get(id);
  if (!ind) throw new Error(`indicator "${id}" is not in indicators.csv`);
  return localized(ind, 'name', lang);
}
