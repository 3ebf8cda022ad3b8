/**
 * Everything around a chart that is not the drawing: title, subtitle, notes, source line,
 * description and table rows. Shared by the story, the chart page, the embed and the
 * static images, so a chart says the same wherever it appears.
 */
import { figureArithmetic, type Arithmetic } from '../words/arithmetic.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import type { Dataset, SiteFigure } from '../data/dataset.ts';
import { formatPeriod, formatWithUnit } from '../words/format.ts';
import { renderPlotSvg } from './render-svg.ts';
import { sourceLabel } from '../words/source-names.ts';
import type { ChartDefinition } from './types.ts';

export const WIDTHS = { narrow: 340, wide: 640 } as const;

export interface ChartFrame {
  id: string;
  title: string;
  subtitle: string;
  notes: string[];
  description: string;
  sourceLine: string;
  sources: { id: string; label: string; kind: 'primary' | 'secondary' }[];
  svg: { narrow: string; wide: string };
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
    const unit = data.units.get(f.unit);
    const ind = data.indicators.get(f.indicator);
    return {
      id: f.id,
      indicator: (lang === 'zh' ? ind?.name_zh : ind?.name_en) ?? f.indicator,
      period: formatPeriod(f.period_start, f.period_end, lang),
      place: (lang === 'zh' ? data.places.get(f.geo)?.name_zh : data.places.get(f.geo)?.name_en) ?? f.geo,
      value: unit ? formatWithUnit(f.valueText, unit, lang, f.qualifier) : f.valueText,
      status: t(lang, `status.${f.status}` as MessageKey),
      source: f.source.split(';').map((s) => sourceLabel(data, s, lang)).join('；'),
      sourceKind: f.sourceKind,
      derived: f.derived,
      quote: f.quote,
      formula: f.formula,
      indicatorId: f.indicator,
      arithmetic: figureArithmetic(f, data, lang),
    };
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

function drawFrame(def: ChartDefinition, data: Dataset, lang: Lang): ChartFrame {
  const { id } = def;
  const rows = def.select(data);
  if (rows.length === 0) throw new Error(`chart ${id}: selects no rows`);
  const title = text(lang, `charts.${id}.title`);
  const subtitle = text(lang, `charts.${id}.subtitle`);
  const notes: string[] = [];
  for (let i = 1; ; i++) {
    const n = optionalText(lang, `charts.${id}.note${i}`);
    if (n === undefined) break;
    notes.push(n);
  }
  if (rows.some((r) => r.derived)) notes.push(t(lang, 'chart.derivedNote'));
  if (rows.some((r) => r.sourceKind === 'secondary')) notes.push(t(lang, 'chart.secondaryNote'));
  const sourceIds = [...new Set(rows.flatMap((r) => r.source.split(';')))].filter(Boolean);
  const sources = sourceIds.map((s) => ({ id: s, label: sourceLabel(data, s, lang), kind: data.sources.get(s)?.kind ?? 'primary' }));
  const sourceLine = `${t(lang, 'chart.source')}：${sources.map((s) => (s.kind === 'secondary' ? `${s.label}（${t(lang, 'source.secondary')}）` : s.label)).join('；')}`;
  const description = def.describe(rows, { width: WIDTHS.wide, lang, lookups: data });
  const render = (width: number) => renderPlotSvg(def.spec(rows, { width, lang, lookups: data }), { ariaLabel: title, ariaDescription: description });
  return {
    id,
    title,
    subtitle,
    notes,
    description,
    sourceLine,
    sources,
    svg: { narrow: render(WIDTHS.narrow), wide: render(WIDTHS.wide) },
    rows,
    tableRows: tableRowsFor(rows, data, lang),
  };
}
