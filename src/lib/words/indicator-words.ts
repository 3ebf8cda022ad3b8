/**
 * An indicator as its page shows it: what it counts, the terms its sources never define, and
 * every figure of it across sources and periods, each with its quote and where to check it.
 */
import { routes } from '../site/routes.ts';
import { HAN } from '../text/chinese-chars.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import type { Indicator } from '../data/schema.ts';
import { chartUnit } from './english-units.ts';
import { toChineseMoney } from './chinese-units.ts';
import { figureArithmetic, type Arithmetic } from './arithmetic.ts';
import { figurePeriod, figureValue, placeName } from './figure-words.ts';
import { sourceName } from './source-names.ts';
import { nameIn } from './figure-refs.ts';

export interface IndicatorFigure {
  id: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  place: string;
  breakdown: string;
  value: string;
  /** the number alone, for the chart */
  number: number;
  status: SiteFigure['status'];
  statusLabel: string;
  derived: boolean;
  secondary: boolean;
  quote: string;
  quoteLang: string;
  sources: { id: string; label: string; href: string }[];
  arithmetic: Arithmetic | undefined;
  note: string;
}

export interface IndicatorView {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  topic: string;
  topicLabel: string;
  /** the compilers' definition, in English as in indicators.csv */
  definitionEn: string;
  /** the same definition in Chinese (definition_zh) */
  definitionZh: string;
  /** the Chinese terms the sources use without defining them */
  undefinedTerms: string[];
  /** the compilers' note on those terms, in English */
  undefinedNoteEn: string;
  figures: IndicatorFigure[];
  /** distinct periods among the figures: a chart is drawn from two */
  periods: number;
}

const CHINESE_TERM = new RegExp(`[“"]?[${HAN}][${HAN}0-9+·/、]*[”"]?`, 'gu');

/** Chinese terms inside an English note: 落地 (landed) is not defined … → ['落地'] */
export function chineseTerms(text: string): string[] {
  return [...new Set([...text.matchAll(CHINESE_TERM)].map((m) => m[0].replace(/^["“]|["”]$/gu, '')))];
}

export function topicLabel(topic: string, lang: Lang): string {
  return t(lang, `topic.${topic}` as MessageKey);
}

/** Indicators that have at least one figure, in the order of indicators.csv. */
export function indicatorsWithFigures(data: Dataset): Indicator[] {
  const used = new Set(data.figures.map((f) => f.indicator));
  return [...data.indicators.values()].filter((i) => used.has(i.id));
}

/** The unit, or units, the indicator's figures are shown in on this edition's page. */
function shownUnits(unit: { id: string; symbol_zh: string }, figures: readonly Pick<IndicatorFigure, 'number'>[], lang: Lang): string {
  if (lang === 'zh' && toChineseMoney('1', unit.id)) {
    const symbols = new Set(figures.map((f) => toChineseMoney(String(f.number), unit.id)?.symbol ?? unit.symbol_zh));
    // the smaller unit first: 亿元、万亿元
    return [...symbols].sort((a, b) => a.length - b.length).join(t(lang, 'event.listSeparator'));
  }
  return chartUnit(unit, lang).label;
}

export function indicatorView(id: string, data: Dataset, lang: Lang): IndicatorView {
  const ind = data.indicators.get(id);
  if (!ind) throw new Error(`indicator "${id}" is not in indicators.csv`);
  const unit = data.units.get(ind.unit);
  if (!unit) throw new Error(`indicator ${id}: unit "${ind.unit}" is not in units.csv`);
  const figures = data.figures
    .filter((f) => f.indicator === id)
    .sort((a, b) => a.period_start.localeCompare(b.period_start) || a.period_end.localeCompare(b.period_end) || a.geo.localeCompare(b.geo))
    .map((f): IndicatorFigure => {
      const sources = f.sources.map((sid) => {
        const s = data.sources.get(sid);
        if (!s) throw new Error(`figure ${f.id}: source "${sid}" is not in sources.csv`);
        return { id: sid, label: sourceName(s, lang), href: routes(lang).source(sid, f.derived ? undefined : f.id) };
      });
      const script = f.sources.length === 1 ? data.sources.get(f.sources[0] as string)?.script : undefined;
      return {
        id: f.id,
        period: figurePeriod(f, lang),
        periodStart: f.period_start,
        periodEnd: f.period_end,
        place: placeName(data, f.geo, lang),
        breakdown: breakdownName(data, f.breakdown, lang),
        value: figureValue(f, data, lang),
        number: f.value,
        status: f.status,
        statusLabel: t(lang, `status.${f.status}` as MessageKey),
        derived: f.derived,
        secondary: f.sourceKind === 'secondary',
        quote: f.quote,
        quoteLang: script === 'english' ? 'en' : 'zh-CN',
        sources,
        arithmetic: figureArithmetic(f, data, lang),
        note: lang === 'zh' ? f.noteZh : f.note,
      };
    });
  return {
    id,
    name: nameIn(ind, lang),
    nameEn: ind.name_en,
    // the unit the values above are written in: 亿元, and in English billion yuan (not 100 million yuan);
    // money an English source gives in billions reads in 亿元 (or 万亿元) on the Chinese page, as its figures do
    unit: shownUnits(unit, figures, lang),
    topic: ind.topic,
    topicLabel: topicLabel(ind.topic, lang),
    definitionEn: ind.definition,
    definitionZh: ind.definition_zh,
    undefinedTerms: chineseTerms(ind.undefined_terms),
    undefinedNoteEn: ind.undefined_terms,
    figures,
    periods: new Set(figures.map((f) => `${f.periodStart}|${f.periodEnd}`)).size,
  };
}
