/**
 * The corrections the corrections page and its Atom feed show: changes made after the day of
 * first publication, newest first, each as a sentence with the pages it changed (the figure's
 * indicator and source pages, and every chart that draws it).
 */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { CHARTS } from '../charts/index.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { correctionLine, figurePages, isCorrection, type CorrectionLine } from '../lib/words/correction-words.ts';
import { routes } from '../lib/site/routes.ts';
import { FIRST_PUBLISHED } from './masthead.ts';

export function readerCorrections(lang: Lang): CorrectionLine[] {
  const data = getDataset();
  const link = routes(lang);
  const drawnBy = new Map<string, string[]>();
  for (const chart of CHARTS) for (const row of chart.select(data)) drawnBy.set(row.id, [...(drawnBy.get(row.id) ?? []), chart.id]);
  return data.report.tables.corrections
    .map((r) => r.row)
    .filter((c) => isCorrection(c, FIRST_PUBLISHED))
    .sort((a, b) => b.date.localeCompare(a.date) || a.figure.localeCompare(b.figure))
    .map((c) =>
      correctionLine(c, data, lang, [
        ...figurePages(c.figure, data, lang),
        ...[...new Set(drawnBy.get(c.figure) ?? [])].map((id) => ({
          path: link.chart(id),
          label: t(lang, 'corrections.page.chart', { name: t(lang, `charts.${id}.title` as MessageKey) }),
        })),
      ]),
    );
}

/** How many changes were made before first publication (release notes, not corrections). */
export function changesBeforePublication(): number {
  return getDataset().report.tables.corrections.filter((r) => !isCorrection(r.row, FIRST_PUBLISHED)).length;
}
