/**
 * The promise ledger in words: each target or plan with when and where it was set, the figure
 * later reported for it and its verdict, every string from the dictionary and format.ts.
 * The ledger page and the front page's lead graphic read the same lines.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import { VERDICTS, type PromiseKind, type Verdict } from '../data/schema.ts';
import { figurePeriod, figureValue, indicatorName, placeName } from './figure-words.ts';
import { formatPartialDate } from './format.ts';
import { sourceName } from './source-names.ts';
import { nameIn } from './figure-refs.ts';
import { localized } from '../data/table-facts.ts';

export interface LedgerFigure {
  id: string;
  name: string;
  /** breakdown and place in words, '' for a city-wide total */
  scope: string;
  value: string;
  period: string;
  quote: string;
  quoteLang: string;
  /** the first source; a derived figure has none of its own */
  source: { id: string; label: string } | undefined;
  derived: boolean;
}

export interface LedgerLine {
  id: string;
  status: 'target' | 'plan';
  statusLabel: string;
  /** only an outcome (a number a later figure could meet) counts as a target; lists, structures and methods do not */
  kind: PromiseKind;
  kindLabel: string;
  target: LedgerFigure;
  /** where it was set: the event, or failing that the source */
  setAt: { eventId: string | undefined; name: string; date: string; datetime: string | undefined; yearInferred: boolean } | undefined;
  outcome: LedgerFigure | undefined;
  /** the outcome is an interim figure: its period ends before the target's */
  interim: boolean;
  verdict: Verdict;
  verdictLabel: string;
  reason: string;
  /** the year the target was set, for grouping: the event's year or the target period's start */
  year: string;
}

function ledgerFigure(f: SiteFigure, data: Dataset, lang: Lang): LedgerFigure {
  const sourceId = f.derived ? undefined : f.sources[0];
  const s = sourceId ? data.sources.get(sourceId) : undefined;
  const parts = [
    f.breakdown.length === 0 ? '' : breakdownName(data, f.breakdown, lang),
    f.geo === 'qingdao' ? '' : placeName(data, f.geo, lang),
  ].filter((x) => x !== '');
  return {
    id: f.id,
    name: indicatorName(data, f.indicator, lang),
    scope: parts.join(t(lang, 'event.listSeparator')),
    value: figureValue(f, data, lang),
    period: figurePeriod(f, lang),
    quote: f.quote,
    quoteLang: s?.script === 'english' ? 'en' : 'zh-CN',
    source: s && sourceId ? { id: sourceId, label: sourceName(s, lang) } : undefined,
    derived: f.derived,
  };
}

export function ledgerLines(data: Dataset, lang: Lang): LedgerLine[] {
  const words = { monthUnstated: t(lang, 'date.monthUnstated'), yearUnstated: t(lang, 'date.yearUnstated') };
  return data.promises.map((p) => {
    const target = data.byId.get(p.target);
    if (!target || target.status === 'actual') throw new Error(`promise ${p.id}: target "${p.target}" is not a target or plan figure`);
    const outcome = p.outcome === '' ? undefined : data.byId.get(p.outcome);
    if (p.outcome !== '' && !outcome) throw new Error(`promise ${p.id}: outcome "${p.outcome}" is not a figure`);
    const ev = p.event === '' ? undefined : data.events.find((e) => e.id === p.event);
    if (p.event !== '' && !ev) throw new Error(`promise ${p.id}: event "${p.event}" is not in events.csv`);
    const setAt = ev
      ? {
          eventId: ev.id,
          name: nameIn(ev, lang),
          date: formatPartialDate({ year: ev.year, month: ev.month, day: ev.day }, lang, words),
          datetime:
            ev.year && ev.month && ev.day
              ? `${ev.year}-${ev.month.padStart(2, '0')}-${ev.day.padStart(2, '0')}`
              : ev.year && ev.month
                ? `${ev.year}-${ev.month.padStart(2, '0')}`
                : ev.year || undefined,
          yearInferred: ev.date_basis === 'inferred',
        }
      : undefined;
    const reason = localized(p, 'reason', lang);
    const targetView = ledgerFigure(target, data, lang);
    const outcomeView = outcome ? ledgerFigure(outcome, data, lang) : undefined;
    return {
      id: p.id,
      status: target.status,
      statusLabel: t(lang, `status.${target.status}` as MessageKey),
      kind: p.kind,
      kindLabel: t(lang, `promises.kind.${p.kind}` as MessageKey),
      target: targetView,
      setAt,
      outcome: outcomeView,
      interim: outcome !== undefined && outcome.period_end < target.period_end,
      verdict: p.verdict,
      verdictLabel: t(lang, `promises.verdict.${p.verdict}` as MessageKey),
      // a same-series verdict the numbers decide needs no reason in the data: say the numbers
      reason:
        reason !== ''
          ? reason
          : outcomeView
            ? t(lang, 'promises.reason.numbers', { outcome: outcomeView.value, target: targetView.value })
            : '',
      year: ev?.year || target.period_start.slice(0, 4),
    };
  });
}

/** The lines that count as targets: numbers a later published figure could meet. */
export const outcomeLines = <L extends Pick<LedgerLine, 'kind'>>(lines: readonly L[]): L[] => lines.filter((l) => l.kind === 'outcome');

export type LedgerCounts = Record<Verdict, number> & { total: number };

export function ledgerCounts(lines: readonly Pick<LedgerLine, 'verdict'>[]): LedgerCounts {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const l of lines) counts[l.verdict]++;
  return { ...counts, total: lines.length };
}

/** Lines grouped by the event (or source) that set them, in date order. */
export function ledgerGroups(
  lines: readonly LedgerLine[],
): { key: string; title: string; date: string; datetime: string | undefined; yearInferred: boolean; lines: LedgerLine[] }[] {
  const groups = new Map<
    string,
    { key: string; title: string; date: string; datetime: string | undefined; yearInferred: boolean; lines: LedgerLine[]; sort: string }
  >();
  for (const l of lines) {
    const key = l.setAt?.eventId ?? `source:${l.target.source?.id ?? l.target.id}`;
    const g = groups.get(key) ?? {
      key,
      title: l.setAt?.name ?? l.target.source?.label ?? '',
      date: l.setAt?.date ?? l.target.period,
      datetime: l.setAt?.datetime,
      yearInferred: l.setAt?.yearInferred ?? false,
      lines: [],
      sort: `${l.setAt?.datetime ?? l.year}`,
    };
    g.lines.push(l);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.sort.localeCompare(b.sort)).map(({ sort: _sort, ...g }) => g);
}
