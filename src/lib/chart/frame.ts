/**
 * Everything around a chart that is not the drawing: title, subtitle, notes, source line,
 * description and table rows. Shared by the story, the chart page, the embed and the
 * static images, so a chart says the same wherever it appears.
 */
import { figureArithmetic, type Arithmetic } from '../words/arithmetic.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { PUNCTUATION, paren } from '../../i18n/punctuation.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';
import { formatPeriod, formatWithUnit, shownQualifier } from '../words/format.ts';
import { renderPlotSvg } from './render-svg.ts';
import { sourceLabel } from '../words/source-names.ts';
import type { ChartDefinition, LegendEntry } from './types.ts';
import { sortLegend } from './legend.ts';
import { figureRefs, nameIn } from '../words/figure-refs.ts';
import { sitePaths } from '../site/routes.ts';

export const WIDTHS = { narrow: 340, wide: 640 } as const;

export interface ChartFrame {
  id: string;
  /** the finding, in one sentence */
  title: string;
  /** what the chart is (its label), then place and unit */
  subtitle: string;
  /** at most one note shown under the chart: the caveat the picture most needs */
  notes: string[];
  /** the chart's further notes, folded with its sources */
  moreNotes: string[];
  /** notes that hold for every chart (what 计算值 and 二手来源 mean): said once, on the chart page */
  methodNotes: string[];
  /** the folded source list's one line: 来源：5篇报道 */
  sourceSummary: string;
  /** series that do not join behind the figures shown: each links to /reconciliation/#id */
  continuity: { id: string; text: string; href: string }[];
  description: string;
  sourceLine: string;
  sources: { id: string; label: string; kind: 'primary' | 'secondary' }[];
  svg: { narrow: string; wide: string };
  /** every encoding the drawings use, in the tooltip's words */
  legend: LegendEntry[];
  rows: SiteFigure[];
  tableRows: TableRow[];
}

export interface TableRow {
  id: string;
  indicator: string;
  period: string;
  place: string;
  value: string;
  status: string;
  source: string;
  sourceKind: 'primary' | 'secondary';
  derived: boolean;
  quote: string;
  formula: string;
  /** id of the indicator, for the link to its page */
  indicatorId: string;
  /** a computed figure's arithmetic with its inputs named */
  arithmetic: Arithmetic | undefined;
}

function text(lang: Lang, key: string): string {
  return t(lang, key as MessageKey);
}

function optionalText(lang: Lang, key: string): string | undefined {
  try {
    return text(lang, key);
  } catch {
    return undefined;
  }
}

export function tableRowsFor(rows: readonly SiteFigure[], data: Dataset, lang: Lang): TableRow[] {
  return rows.map((f) => {
    const refs = figureRefs(f, data);
    return {
      id: f.id,
      indicator: nameIn(refs.indicator, lang),
      period: formatPeriod(f.period_start, f.period_end, lang),
      place: nameIn(refs.place, lang),
      value: formatWithUnit(f.valueText, refs.unit, lang, shownQualifier(f)),
      status: t(lang, `status.${f.status}` as MessageKey),
      source: f.sources.map((s) => sourceLabel(data, s, lang)).join(PUNCTUATION[lang].listSep),
      sourceKind: f.sourceKind,
      derived: f.derived,
      quote: f.quote,
      formula: f.formula,
      indicatorId: f.indicator,
      arithmetic: figureArithmetic(f, data, lang),
    };
  });
}

/** A badge's label as a word inside a sentence: "Secondary source" → "secondary source" in English. */
function inSentence(label: string, lang: Lang): string {
  return lang === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** One note per continuity finding behind the figures, linking to its section of /reconciliation/. */
export function continuityNotes(rows: readonly SiteFigure[], lang: Lang): { id: string; text: string; href: string }[] {
  const ids = [...new Set(rows.map((r) => r.continuityNote).filter((id) => id !== ''))];
  return ids.map((id) => {
    // named by the years of the figures it concerns, never by its id
    const years = rows
      .filter((r) => r.continuityNote === id)
      .flatMap((r) => [Number(r.period_start.slice(0, 4)), Number(r.period_end.slice(0, 4))]);
    const from = Math.min(...years);
    const to = Math.max(...years);
    const span =
      from === to
        ? formatPeriod(`${from}-01-01`, `${from}-12-31`, lang)
        : t(lang, 'charts.common.yearRun', { from: String(from), to: String(to) });
    return { id, text: t(lang, 'chart.continuityNote', { years: span }), href: sitePaths(lang).reconciliation(id) };
  });
}

// A chart page, its embed and its images all ask for the same frame; draw it once per build.
const built = new WeakMap<Dataset, Map<string, ChartFrame>>();

export function buildChartFrame(def: ChartDefinition, data: Dataset, lang: Lang): ChartFrame {
  const cache = built.get(data) ?? new Map<string, ChartFrame>();
  built.set(data, cache);
  const key = `${def.id}/${lang}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const frame = drawFrame(def, data, lang);
  cache.set(key, frame);
  return frame;
}

/**
 * Lets go of the frame buildChartFrame keeps for `def` in `lang`, for a caller that needs each
 * chart's frame once: the images' process (src/integrations/static-images.ts), whose heap grew
 * by every chart's frame (its drawings at two widths, its rows) at 20,000 figures.
 */
export function forgetChartFrame(def: ChartDefinition, data: Dataset, lang: Lang): void {
  built.get(data)?.delete(`${def.id}/${lang}`);
}

function drawFrame(def: ChartDefinition, data: Dataset, lang: Lang): ChartFrame {
  const { id } = def;
  const rows = def.select(data);
  if (rows.length === 0) throw new Error(`chart ${id}: selects no rows`);
  // words made from the data (a series' chart) stand in for the dictionary's
  const made = def.words?.({ lang, lookups: data });
  const title = def.title?.(rows, { lang, lookups: data }) ?? made?.title ?? text(lang, `charts.${id}.label`);
  // the chart's label, then its place and unit: 签约项目数：按投资规模门槛分组；青岛市，单位：个
  const subtitle =
    made?.subtitle ?? `${text(lang, `charts.${id}.label`)}${lang === 'zh' ? '；' : '. '}${text(lang, `charts.${id}.subtitle`)}`;
  const own: string[] = [...(made?.notes ?? [])];
  for (let i = 1; !made; i++) {
    const n = optionalText(lang, `charts.${id}.note${i}`);
    if (n === undefined) break;
    own.push(n);
  }
  const methodNotes: string[] = [];
  if (rows.some((r) => r.derived)) methodNotes.push(t(lang, 'chart.derivedNote'));
  if (rows.some((r) => r.sourceKind === 'secondary')) methodNotes.push(t(lang, 'chart.secondaryNote'));
  const continuity = continuityNotes(rows, lang);
  const notes = own.slice(0, 1);
  // the continuity findings link to the reconciliation page: folded with the sources
  const moreNotes = [...own.slice(1), ...continuity.map((c) => c.text)];
  const sourceIds = [...new Set(rows.flatMap((r) => r.sources))];
  const sources = sourceIds.map((s) => ({ id: s, label: sourceLabel(data, s, lang), kind: data.sources.get(s)?.kind ?? 'primary' }));
  const P = PUNCTUATION[lang];
  const sourceLine = `${t(lang, 'chart.source')}${P.colon}${sources.map((s) => (s.kind === 'secondary' ? `${s.label}${paren(lang, inSentence(t(lang, 'source.secondary'), lang))}` : s.label)).join(P.listSep)}`;
  const description = def.describe(rows, { width: WIDTHS.wide, lang, lookups: data });
  const specs = {
    narrow: def.spec(rows, { width: WIDTHS.narrow, lang, lookups: data }),
    wide: def.spec(rows, { width: WIDTHS.wide, lang, lookups: data }),
  };
  const render = (spec: (typeof specs)['wide']) => renderPlotSvg(spec, { ariaLabel: title, ariaDescription: description });
  // the page's drawings and table rows are made when a page first asks for them: the images,
  // share cards and long images read the frame's words and rows only, and at 20,000 figures
  // drawing every chart twice more for them, and keeping it, cost minutes and gigabytes
  let svg: ChartFrame['svg'] | undefined;
  let table: TableRow[] | undefined;
  return {
    id,
    title,
    subtitle,
    notes,
    moreNotes,
    methodNotes,
    sourceSummary: t(lang, moreNotes.length > 0 ? 'chart.sourceSummaryNotes' : 'chart.sourceSummary', {
      count: sources.length,
      notes: moreNotes.length,
    }),
    continuity,
    description,
    sourceLine,
    sources,
    get svg() {
      svg ??= { narrow: render(specs.narrow), wide: render(specs.wide) };
      return svg;
    },
    legend: sortLegend([...specs.narrow.legend, ...specs.wide.legend]),
    rows,
    get tableRows() {
      table ??= tableRowsFor(rows, data, lang);
      return table;
    },
  };
}
