/**
 * Numbers for running text, always looked up in the checked dataset: the story page (and
 * the charts' one-sentence findings) never type a figure. An id that is not in the data
 * stops the build with its name.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { getDataset, type SiteFigure } from '../data/dataset.ts';
import { formatIsoDate, formatPeriod, formatWithUnit } from './format.ts';

export function figure(id: string): SiteFigure {
  const f = getDataset().byId.get(id);
  if (!f) throw new Error(`story: no figure or derived figure with id "${id}" in data/figures.csv or data/derived.csv`);
  return f;
}

/** The value as the sources write it, with qualifier and unit: 37.5亿美元, 58%, 4.4个百分点, 150个以上. */
export function figureValue(f: SiteFigure, lang: Lang = 'zh'): string {
  const unit = getDataset().units.get(f.unit);
  if (!unit) throw new Error(`story: figure ${f.id} has unit "${f.unit}", which units.csv does not define`);
  const text = formatWithUnit(f.valueText, unit, lang, f.qualifier);
  if (f.unit !== 'count') return text;
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
  if (ys !== ye && s.endsWith('-01-01') && e.endsWith('-12-31')) return t(lang, 'charts.common.yearsTotal' as MessageKey, { from: ys, to: ye });
  return formatPeriod(s, e, lang);
}

/** Value of a figure by id. */
export const fig = (id: string, lang: Lang = 'zh') => figureValue(figure(id), lang);
/** Period of a figure by id. */
export const period = (id: string, lang: Lang = 'zh') => figurePeriod(figure(id), lang);
/** Name of a figure's place. */
export const placeOf = (id: string, lang: Lang = 'zh') => {
  const geo = figure(id).geo;
  const p = getDataset().places.get(geo);
  if (!p) throw new Error(`story: place "${geo}" of figure ${id} is not in places.csv`);
  return lang === 'zh' ? p.name_zh : p.name_en;
};
/** Name of a figure's indicator (签约5亿元以上项目). */
export const indicatorOf = (id: string, lang: Lang = 'zh') => {
  const ind = getDataset().indicators.get(figure(id).indicator);
  if (!ind) throw new Error(`story: indicator of figure ${id} is not in indicators.csv`);
  return lang === 'zh' ? ind.name_zh : ind.name_en;
};
