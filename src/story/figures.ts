/**
 * Numbers for the story's running text, always looked up in the checked dataset: the story
 * never types a figure. An id that is not in the data stops the build with its name.
 */
import type { Lang } from '../i18n/index.ts';
import { getDataset, type SiteFigure } from '../lib/data/dataset.ts';
import { figurePeriod, figureValue, indicatorName, placeName } from '../lib/words/figure-words.ts';

export function figure(id: string): SiteFigure {
  const f = getDataset().byId.get(id);
  if (!f) throw new Error(`story: no figure or derived figure with id "${id}" in data/figures.csv or data/derived.csv`);
  return f;
}

/** Value of a figure by id. */
export const fig = (id: string, lang: Lang = 'zh') => figureValue(figure(id), getDataset(), lang);
/** A count's number without its qualifier (150个 for 150个以上): what a floor asks for at least. */
export const exactCount = (id: string, lang: Lang = 'zh') => {
  const f = figure(id);
  if (f.unit !== 'count') throw new Error(`story: figure "${id}" is in ${f.unit}, not a count`);
  return figureValue({ ...f, qualifier: 'exact' }, getDataset(), lang);
};
/** Period of a figure by id. */
export const period = (id: string, lang: Lang = 'zh') => figurePeriod(figure(id), lang);
/** Name of a figure's place. */
export const placeOf = (id: string, lang: Lang = 'zh') => placeName(getDataset(), figure(id).geo, lang);
/** Name of a figure's indicator (签约5亿元以上项目). */
export const indicatorOf = (id: string, lang: Lang = 'zh') => indicatorName(getDataset(), figure(id).indicator, lang);
