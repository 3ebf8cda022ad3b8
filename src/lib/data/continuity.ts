/**
 * Series continuity: for each indicator and place, the published (and computed) totals and
 * growth rates are lined up across sources and periods, and what they imply about each other
 * is tested within rounding. Four relations are tested (data/README.md, "Series continuity"):
 *
 * - yoy: a total and its growth imply last year's total for the same months; it must meet the
 *   total published for that period.
 * - part-year: a part-year total (January to month m) and its growth imply the same months a
 *   year earlier; with last year's total for a longer stretch from January (the full year, or
 *   January–n when that is what is published) that leaves the months between. Their monthly
 *   average must lie within half and one and a half times the average of January–m.
 * - full-year-growth: last year's full-year total and this year's full-year growth imply this
 *   year's total; less this year's part-year total, the same test on the remaining months.
 * - contribution: a district's total and growth give its increase; the city's growth on the
 *   city's base gives the city's increase; their ratio must meet the published contribution rate.
 *
 * A break is an error unless a row of data/continuity.csv names its figures and says what the
 * site shows. Figures named there (and computed figures built on them) carry a note linking to
 * /reconciliation/#<id>.
 */
import type { Located } from './csv.ts';
import type { RowOf } from './load.ts';
import type { Problem } from './csv.ts';
import { decimalsOf } from '../text/numbers-in-text.ts';
import { formulaRefs } from './derived-bounds.ts';

export interface SeriesItem {
  id: string;
  indicator: string;
  geo: string;
  breakdown: string;
  start: string;
  end: string;
  value: number;
  /** the value as published, for messages: the site prints published digits, never a float's */
  text: string;
  half: number;
  qualifier: string;
  status: string;
  file: string;
  line: number;
  /** a growth at comparable prices (real, not nominal) */
  real: boolean;
  /** the unit is an amount of money: the monthly tests apply (project counts are too lumpy) */
  money: boolean;
}

export type Relation = 'yoy' | 'part-year' | 'full-year-growth' | 'contribution';

export interface ContinuityBreak {
  relation: Relation;
  indicator: string;
  geo: string;
  /** the figures the relation uses; a continuity.csv row must name all of them */
  figures: string[];
  /** what does not join, with the numbers */
  text: string;
  textZh: string;
  /** the row of continuity.csv that records it, when there is one */
  recordedBy?: string;
  at: { file: string; line: number };
}

export interface ContinuityFinding {
  id: string;
  indicator: string;
  geo: string;
  figures: string[];
  shown: string;
  note: string;
  noteZh: string;
  breaks: ContinuityBreak[];
  /** every figure that carries the note: the figures named, and computed figures built on them */
  affected: string[];
}

export interface ContinuityReport {
  breaks: ContinuityBreak[];
  findings: ContinuityFinding[];
  /** figure or derived id → continuity.csv id */
  noteOf: Map<string, string>;
  problems: Problem[];
}

/** The band a remaining month's average may lie in, as a multiple of the other months' average. */
export const MONTH_BAND = { low: 0.5, high: 1.5 } as const;

const fmt = (n: number, d = 1) => n.toFixed(d);
const range = (lo: number, hi: number, d = 1) => (Math.abs(hi - lo) < 10 ** -d ? fmt(lo, d) : `${fmt(lo, d)}–${fmt(hi, d)}`);

function shiftYear(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}
const isYearStart = (iso: string) => iso.slice(5) === '01-01';
const isFullYear = (s: string, e: string) => isYearStart(s) && e.slice(5) === '12-31' && s.slice(0, 4) === e.slice(0, 4);
/** January to the end of month m (1–11) of one year → m; otherwise undefined */
function partYearMonths(s: string, e: string): number | undefined {
  if (!isYearStart(s) || s.slice(0, 4) !== e.slice(0, 4)) return undefined;
  const m = Number(e.slice(5, 7));
  const lastDay = new Date(Date.UTC(Number(e.slice(0, 4)), m, 0)).getUTCDate();
  if (Number(e.slice(8, 10)) !== lastDay || m >= 12) return undefined;
  return m;
}

type Interval = [number, number];
const iv = (x: SeriesItem): Interval => [x.value - x.half, x.value + x.half];
const disjoint = (a: Interval, b: Interval) => a[1] < b[0] - 1e-9 || b[1] < a[0] - 1e-9;
/** previous level from a level and its growth in percent */
const back = (l: Interval, g: Interval): Interval => [l[0] / (1 + g[1] / 100), l[1] / (1 + g[0] / 100)];

export function findContinuity(
  tables: {
    figures: Located<RowOf<'figures'>>[];
    derived: Located<RowOf<'derived'>>[];
    places: Located<RowOf<'places'>>[];
    units: Located<RowOf<'units'>>[];
    continuity: Located<RowOf<'continuity'>>[];
  },
  derivedQualifier: (id: string) => string,
): ContinuityReport {
  const moneyUnits = new Set(tables.units.filter((u) => u.row.kind === 'money').map((u) => u.row.id));
  const items: SeriesItem[] = [
    ...tables.figures.map((r) => ({ r, q: r.row.qualifier, d: decimalsOf(r.row.value) })),
    // a computed figure joins a series only when it restates one published figure (a unit
    // conversion such as 911.72 billion yuan = 9117.2亿元); one computed from a total and a
    // growth would join by construction
    ...tables.derived.filter((r) => formulaRefs(r.row.formula).length === 1).map((r) => ({ r, q: derivedQualifier(r.row.id), d: Number(r.row.decimals) })),
  ].map(({ r, q, d }) => ({
    id: r.row.id,
    indicator: r.row.indicator,
    geo: r.row.geo,
    breakdown: r.row.breakdown.join(';'),
    start: r.row.period_start,
    end: r.row.period_end,
    value: Number(r.row.value),
    text: r.row.value,
    half: 0.5 * 10 ** -d,
    qualifier: q,
    status: r.row.status,
    file: r.file,
    line: r.line,
    real: 'quote' in r.row && r.row.quote.includes('可比价格'),
    money: moneyUnits.has(r.row.unit),
  }));
  // only reported outcomes stated exactly can be joined arithmetically; a growth at comparable
  // prices (按可比价格计算, GDP) is a real rate and does not join nominal totals
  const usable = items.filter((x) => x.status === 'actual' && x.qualifier === 'exact' && !x.real);
  // indexed by series and period: scanning every figure for each figure is quadratic, minutes at 100,000 figures
  const seriesKey = (indicator: string, geo: string, breakdown: string) => `${indicator}|${geo}|${breakdown}`;
  const bySeries = new Map<string, SeriesItem[]>();
  const byPeriod = new Map<string, SeriesItem[]>();
  for (const x of usable) {
    const s = seriesKey(x.indicator, x.geo, x.breakdown);
    let list = bySeries.get(s);
    if (!list) bySeries.set(s, (list = []));
    list.push(x);
    const p = `${s}|${x.start}|${x.end}`;
    let same = byPeriod.get(p);
    if (!same) byPeriod.set(p, (same = []));
    same.push(x);
  }
  const find = (indicator: string, geo: string, breakdown: string, start: string, end: string): SeriesItem[] => byPeriod.get(`${seriesKey(indicator, geo, breakdown)}|${start}|${end}`) ?? [];
  const parentOf = new Map(tables.places.map((r) => [r.row.id, r.row.parent]));

  const breaks: ContinuityBreak[] = [];
  const seen = new Set<string>();
  const add = (b: ContinuityBreak) => {
    const key = `${b.relation}|${[...b.figures].sort().join(';')}`;
    if (seen.has(key)) return;
    seen.add(key);
    breaks.push(b);
  };

  for (const level of usable) {
    if (level.indicator.endsWith('-yoy')) continue;
    const growths = find(`${level.indicator}-yoy`, level.geo, level.breakdown, level.start, level.end);
    for (const growth of growths) {
      const implied = back(iv(level), iv(growth));
      // yoy: the same months a year earlier
      for (const prev of find(level.indicator, level.geo, level.breakdown, shiftYear(level.start, -1), shiftYear(level.end, -1))) {
        if (!disjoint(implied, iv(prev))) continue;
        add({
          relation: 'yoy',
          indicator: level.indicator,
          geo: level.geo,
          figures: [level.id, growth.id, prev.id],
          text: `${level.text} with growth of ${growth.text}% implies ${range(implied[0], implied[1])} a year earlier, but ${prev.text} is published for it (${prev.id}).`,
          textZh: `${level.text}、增长${growth.text}%，推算上年同期为${range(implied[0], implied[1])}；而上年同期的公布数为${prev.text}（${prev.id}）。`,
          at: level,
        });
      }
      // part-year: January–m this year against a longer stretch of last year from January:
      // the full year, or a part year (January–June) when no full year is published
      const m = partYearMonths(level.start, level.end);
      if (m === undefined || !level.money) continue;
      const year = Number(level.start.slice(0, 4));
      const bases = (bySeries.get(seriesKey(level.indicator, level.geo, level.breakdown)) ?? []).filter((b) => b.start === `${year - 1}-01-01`);
      for (const full of bases) {
        const n = isFullYear(full.start, full.end) ? 12 : partYearMonths(full.start, full.end);
        if (n === undefined || n <= m) continue;
        const rest: Interval = [full.value - full.half - implied[1], full.value + full.half - implied[0]];
        const restMonth: Interval = [rest[0] / (n - m), rest[1] / (n - m)];
        const avg: Interval = [implied[0] / m, implied[1] / m];
        const ratio: Interval = [restMonth[0] / avg[1], restMonth[1] / avg[0]];
        if (ratio[0] <= MONTH_BAND.high && ratio[1] >= MONTH_BAND.low) continue;
        const ifAverage = ((implied[0] + implied[1]) / 2) * (n / m);
        if (n === 12) {
          const months = 12 - m === 1 ? `month ${m + 1}` : `months ${m + 1}–12`;
          const monthsZh = 12 - m === 1 ? `${m + 1}月` : `${m + 1}–12月`;
          add({
            relation: 'part-year',
            indicator: level.indicator,
            geo: level.geo,
            figures: [level.id, growth.id, full.id],
            text: `January–${monthName(m)} ${year} (${level.text}, +${growth.text}%) implies ${range(implied[0], implied[1])} for January–${monthName(m)} ${year - 1}; against the ${year - 1} total of ${full.text} that leaves ${range(rest[0], rest[1])} for ${months} of ${year - 1}, ${range(ratio[0], ratio[1])} times an average month of the rest of the year (an average month would give a ${year - 1} total of about ${fmt(ifAverage, 0)}).`,
            textZh: `${year}年1–${m}月（${level.text}，增长${growth.text}%）推算${year - 1}年1–${m}月为${range(implied[0], implied[1])}；与${year - 1}年全年${full.text}相减，${year - 1}年${monthsZh}须为${range(rest[0], rest[1])}，是当年其余月份月均的${range(ratio[0], ratio[1])}倍（若该月与月均相当，${year - 1}年全年约为${fmt(ifAverage, 0)}）。`,
            at: level,
          });
          continue;
        }
        const months = n - m === 1 ? `${monthName(n)} ${year - 1} alone` : `${monthName(m + 1)}–${monthName(n)} ${year - 1}`;
        const monthsZh = n - m === 1 ? `${year - 1}年${n}月单月` : `${year - 1}年${m + 1}–${n}月`;
        add({
          relation: 'part-year',
          indicator: level.indicator,
          geo: level.geo,
          figures: [level.id, growth.id, full.id],
          text: `January–${monthName(m)} ${year} (${level.text}, +${growth.text}%) implies ${range(implied[0], implied[1])} for January–${monthName(m)} ${year - 1}; against January–${monthName(n)} ${year - 1} (${full.text}) that leaves ${range(rest[0], rest[1])} for ${months}, ${range(ratio[0], ratio[1], 2)} times an average month of January–${monthName(m)} ${year - 1} (an average month would give January–${monthName(n)} ${year - 1} about ${fmt(ifAverage, 1)}).`,
          textZh: `${year}年1–${m}月（${level.text}，增长${growth.text}%）推算${year - 1}年1–${m}月为${range(implied[0], implied[1])}；与${year - 1}年1–${n}月的${full.text}相减，${monthsZh}须为${range(rest[0], rest[1])}，是${year - 1}年1–${m}月月均的${range(ratio[0], ratio[1], 2)}倍（若与月均相当，${year - 1}年1–${n}月约为${fmt(ifAverage, 1)}）。`,
          at: level,
        });
      }
    }
  }

  // full-year-growth: last year's total × this year's growth, less this year's part-year total
  for (const growth of usable) {
    if (!growth.indicator.endsWith('-yoy') || !isFullYear(growth.start, growth.end)) continue;
    const indicator = growth.indicator.slice(0, -'-yoy'.length);
    const year = Number(growth.start.slice(0, 4));
    if (find(indicator, growth.geo, growth.breakdown, growth.start, growth.end).length > 0) continue; // yoy covers it
    for (const full of find(indicator, growth.geo, growth.breakdown, `${year - 1}-01-01`, `${year - 1}-12-31`)) {
      const total: Interval = [(full.value - full.half) * (1 + (growth.value - growth.half) / 100), (full.value + full.half) * (1 + (growth.value + growth.half) / 100)];
      for (const part of (bySeries.get(seriesKey(indicator, growth.geo, growth.breakdown)) ?? []).filter((x) => x.start === growth.start)) {
        const m = partYearMonths(part.start, part.end);
        if (m === undefined || !part.money) continue;
        const rest: Interval = [total[0] - part.value - part.half, total[1] - part.value + part.half];
        const ratio: Interval = [rest[0] / (12 - m) / ((part.value + part.half) / m), rest[1] / (12 - m) / ((part.value - part.half) / m)];
        if (ratio[0] <= MONTH_BAND.high && ratio[1] >= MONTH_BAND.low) continue;
        add({
          relation: 'full-year-growth',
          indicator,
          geo: growth.geo,
          figures: [full.id, growth.id, part.id],
          text: `The ${year - 1} total of ${full.text} grown by ${growth.text}% gives ${range(total[0], total[1])} for ${year}; less January–${monthName(m)} ${year} (${part.text}) that leaves ${range(rest[0], rest[1])} for the rest of ${year}, ${range(ratio[0], ratio[1])} times an average month of January–${monthName(m)}.`,
          textZh: `${year - 1}年全年${full.text}按增长${growth.text}%推算，${year}年全年为${range(total[0], total[1])}；减去${year}年1–${m}月的${part.text}，${year}年其余月份须为${range(rest[0], rest[1])}，是1–${m}月月均的${range(ratio[0], ratio[1])}倍。`,
          at: growth,
        });
      }
    }
  }

  // contribution: a district's increase as a share of its city's increase
  for (const c of usable) {
    if (!c.indicator.endsWith('-growth-contribution-city') || !isFullYear(c.start, c.end)) continue;
    const indicator = c.indicator.slice(0, -'-growth-contribution-city'.length);
    const city = parentOf.get(c.geo);
    if (!city) continue;
    const year = Number(c.start.slice(0, 4));
    for (const level of find(indicator, c.geo, c.breakdown, c.start, c.end)) {
      for (const growth of find(`${indicator}-yoy`, c.geo, c.breakdown, c.start, c.end)) {
        const prev = back(iv(level), iv(growth));
        const inc: Interval = [level.value - level.half - prev[1], level.value + level.half - prev[0]];
        for (const cityGrowth of find(`${indicator}-yoy`, city, c.breakdown, c.start, c.end)) {
          const g = iv(cityGrowth);
          const share = iv(c);
          const base: Interval = [inc[0] / (share[1] / 100) / (g[1] / 100), inc[1] / (share[0] / 100) / (g[0] / 100)];
          for (const cityBase of find(indicator, city, c.breakdown, `${year - 1}-01-01`, `${year - 1}-12-31`)) {
            const cityInc: Interval = [(cityBase.value - cityBase.half) * (g[0] / 100), (cityBase.value + cityBase.half) * (g[1] / 100)];
            const implied: Interval = [(inc[0] / cityInc[1]) * 100, (inc[1] / cityInc[0]) * 100];
            if (!disjoint(implied, share)) continue;
            add({
              relation: 'contribution',
              indicator,
              geo: city,
              figures: [level.id, growth.id, c.id, cityGrowth.id, cityBase.id],
              text: `${c.geo}'s ${year} increase (${level.text} up ${growth.text}%: ${range(inc[0], inc[1])}) against the city's increase on the ${year - 1} base of ${cityBase.text} (+${cityGrowth.text}%: ${range(cityInc[0], cityInc[1])}) is ${range(implied[0], implied[1], 0)}%, not the published ${c.text}%; the published rates fit a ${year - 1} city base of ${range(base[0], base[1], 0)}.`,
              textZh: `${c.geo}${year}年的增量（${level.text}，增长${growth.text}%，即${range(inc[0], inc[1])}）与全市以${year - 1}年${cityBase.text}为基数、增长${cityGrowth.text}%的增量（${range(cityInc[0], cityInc[1])}）相比，约为${range(implied[0], implied[1], 0)}%，而非公布的${c.text}%；按公布的增速和贡献率，${year - 1}年全市基数应在${range(base[0], base[1], 0)}之间。`,
              at: c,
            });
          }
        }
      }
    }
  }

  // the decisions in continuity.csv
  const problems: Problem[] = [];
  const ids = new Set(items.map((x) => x.id));
  const derivedIds = new Set(tables.derived.map((r) => r.row.id));
  const findings: ContinuityFinding[] = [];
  for (const r of tables.continuity) {
    const row = r.row;
    const named = row.figures;
    // an unknown id is reported by the references rule; a computed figure of several inputs is in no series
    for (const id of named) {
      if (!ids.has(id) && derivedIds.has(id)) problems.push({ file: r.file, line: r.line, column: 'figures', message: `"${id}" is computed from several figures, so it is in no series: name the published figures it is computed from` });
    }
    if (row.shown !== '' && !named.includes(row.shown)) problems.push({ file: r.file, line: r.line, column: 'shown', message: `"${row.shown}" is not one of the figures named in this row` });
    const covered = breaks.filter((b) => b.indicator === row.indicator && b.figures.every((f) => named.includes(f)));
    if (covered.length === 0) problems.push({ file: r.file, line: r.line, column: 'figures', message: `the check finds no break among these figures: they join within rounding, or the row names the wrong ones` });
    for (const b of covered) b.recordedBy ??= row.id;
    findings.push({ id: row.id, indicator: row.indicator, geo: row.geo, figures: named, shown: row.shown, note: row.note, noteZh: row.note_zh, breaks: covered, affected: [] });
  }
  for (const b of breaks) {
    if (b.recordedBy) continue;
    problems.push({
      file: b.at.file,
      line: b.at.line,
      column: 'value',
      message: `series ${b.indicator} (${b.geo}) does not join (${b.relation}): ${b.text} Record it in data/continuity.csv (figures ${b.figures.join(';')}) and say what the site shows`,
    });
  }

  // computed figures built on a named figure carry its note too
  const dependants = new Map<string, string[]>();
  for (const r of tables.derived) {
    for (const input of formulaRefs(r.row.formula)) {
      let list = dependants.get(input);
      if (!list) dependants.set(input, (list = []));
      list.push(r.row.id);
    }
  }
  const noteOf = new Map<string, string>();
  for (const f of findings) {
    const stack = [...f.figures];
    const affected = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (affected.has(id)) continue;
      affected.add(id);
      for (const d of dependants.get(id) ?? []) stack.push(d);
    }
    f.affected = [...affected];
    for (const id of affected) if (!noteOf.has(id)) noteOf.set(id, f.id);
  }
  return { breaks, findings, noteOf, problems };
}

function monthName(m: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1] ?? String(m);
}
