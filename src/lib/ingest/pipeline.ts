/**
 * Clean article text → candidate figures, in the order of the article. Each rule is its own
 * module; this file only runs them in turn and keeps, for every number, either the candidate
 * it makes (with why each field was inferred) or the reason it was passed over.
 */
import { splitSentences, type Sentence, type Span } from './clauses.ts';
import { findNumbers, type NumberToken } from './numbers.ts';
import { findRanks } from './rank.ts';
import { notAFigure, isCategoryThreshold, isGroupName } from './exclusions.ts';
import { readUnit, PROPOSABLE, type ProposedUnit } from './unit.ts';
import { readQualifier, type Qualifier } from './qualifier.ts';
import { readStatus, type Status } from './status.ts';
import {
  findPeriods,
  periodDates,
  articleYearPeriod,
  spanAfterDay,
  averageYears,
  levelWord,
  addDays,
  type PeriodMention,
  type ResolvedPeriod,
} from './period.ts';
import { placeIndex, findPlaces, articleSubject, findUnknownPlaces, documentIssuer, type PlaceRow, type PlaceMention } from './place.ts';
import { matchIndicator, proposedName, type IndicatorRow } from './indicator.ts';
import { quoteSpan } from './quote.ts';
import { isEnglish, readEnglish, englishPeriods, englishStatus, type EnglishHit } from './english.ts';
import type { ArticleDate } from './article-date.ts';

export interface IngestContext {
  unitKinds: Map<string, string>;
  places: readonly PlaceRow[];
  indicators: readonly IndicatorRow[];
  date: ArticleDate;
}

export interface Candidate {
  sentence: Span;
  quote: Span;
  number: { start: number; end: number; raw: string };
  value: string;
  unit: string;
  proposedUnit?: ProposedUnit;
  qualifier: Qualifier;
  status: Status;
  period: ResolvedPeriod;
  geo: string;
  proposedPlace?: string;
  indicator?: string;
  proposedIndicator?: string;
  /** the text gave no period for it: the article's year was assumed */
  undated?: boolean;
  /** index of an earlier candidate with the same value, unit, period, place and status: the article repeats a figure */
  repeatOf?: number;
  /** what was inferred and why, one line each, in English and Chinese */
  why: string[];
  whyZh: string[];
}

export interface Passed {
  start: number;
  end: number;
  raw: string;
  reason: string;
  sentence: Span;
}

/**
 * What makes two rows the same figure: value, unit, period, place and status. The pipeline folds
 * a figure the article repeats by it, and `npm run ingest:measure` matches proposals against
 * data/figures.csv by it.
 */
export interface RowKeyFields {
  value: string;
  unit: string;
  period_start: string;
  period_end: string;
  geo: string;
  status: string;
}

export function rowKey(r: RowKeyFields): string {
  return [r.value, r.unit, r.period_start, r.period_end, r.geo, r.status].join('|');
}

export function candidateKey(c: Pick<Candidate, 'value' | 'unit' | 'period' | 'geo' | 'status'>): string {
  return rowKey({ value: c.value, unit: c.unit, period_start: c.period.start, period_end: c.period.end, geo: c.geo, status: c.status });
}

export interface IngestResult {
  candidates: Candidate[];
  passed: Passed[];
  city?: string;
}

/** Characters on each side of a number that the rules read. */
const CONTEXT = 160;

/** Words saying a figure belongs to the event just reported (signed at the meeting). */
const EVENT = /会上|会议上|会期|本届|此次|本次|现场|集中签约|期间/u;

/** Words before a place that make the number after it a share of or comparison with that place (占全市12%). */
const SHARE_OF = /(占|对|较|比|高于|低于|好于|快于|相当于|超过|贡献了?|居|位居|位列|列|排在|排名)(同期|当期|当年)?$/u;

/** A level or running total at a date rather than a flow over the period. */
const STOCK = /累计|目前|已达|现有|截至目前/u;

interface Hit {
  start: number;
  end: number;
  raw: string;
  value: string;
  token?: NumberToken;
  rankWord?: string;
  english?: EnglishHit;
}

export function ingestText(text: string, ctx: IngestContext): IngestResult {
  const index = placeIndex(ctx.places);
  const { city, district } = articleSubject(text, index);
  const cityNamed = city !== undefined && findPlaces(text, index, undefined, true).some((m) => m.id === city);
  const candidates: Candidate[] = [];
  const passed: Passed[] = [];
  const sentences = splitSentences(text);
  // (goal: the period was named in a goal, 力争全年…, which says nothing of the paragraphs after it)
  let carried: { mention: PeriodMention; resolved: ResolvedPeriod; paragraph: number; at: number; goal: boolean } | undefined;
  let contextYear: number | undefined;
  let lastDay: (ResolvedPeriod & { paragraph: number; at: number; lead: boolean }) | undefined;
  // each dated sentence, so that 本届峰会 can find the day (or days) the summit was reported on
  const events: { period: ResolvedPeriod; text: string }[] = [];
  let paragraphPlace:
    { sentence: number; part: number; leads: boolean; paragraph: number; opener: boolean; id: string; name: string } | undefined;
  // a sentence as the reader sees it: ； separates clauses of one sentence, 。 ends it. A place that
  // opens the sentence carries through it; one named in passing stops at ；, after which a statement
  // of its own begins (建成西海岸新区物流中心，开行班列17条；与日韩贸易额31亿美元)
  let fullSentence = 0;
  let part = 0;
  // the place that opened the last sentence naming one (2023年，上合示范区…。平台入驻企业过万家): the
  // subject of the paragraph's next sentences until another is named
  let sentenceLead: { paragraph: number; id: string; name: string } | undefined;
  let sentenceOpens = true;

  let paragraphStart = -1;
  let paragraphHeaded = false;
  // a line that is only a heading (打造一流营商环境——) heads the paragraph after it
  let afterHeadingLine = false;
  let paragraphNo = -1;
  for (const s of sentences) {
    if (s.paragraph !== paragraphNo) {
      paragraphNo = s.paragraph;
      paragraphStart = s.start;
      // a paragraph under its own short heading (深挖招商载体资源。) starts a new topic: the period
      // of the paragraph before does not carry into it
      const heading = s.text.trim().length <= 16 && !/\d/u.test(s.text);
      const headingLine = heading && s.end === (text.indexOf('\n', s.start) < 0 ? text.length : text.indexOf('\n', s.start));
      paragraphHeaded = (heading && /([。：:]|——)$/u.test(s.text.trim())) || afterHeadingLine;
      afterHeadingLine = headingLine;
      // a place that opens the paragraph (胶州市放大…, 2023年，西海岸新区…) is its subject
      sentenceLead = undefined;
      const opener = findPlaces(s.text, index, city, false, district).find(
        (p) => !p.compared && /^[\s\d年,，]*$/u.test(s.text.slice(0, p.index)),
      );
      paragraphPlace = opener
        ? { sentence: -1, part: -1, leads: true, paragraph: s.paragraph, opener: true, id: opener.id, name: opener.name }
        : undefined;
    }
    const english = isEnglish(s.text);
    const mentions = english ? englishPeriods(s.text) : findPeriods(s.text);
    // 6月19日，峰会开幕。接下来的两天…: the day just named becomes a span
    const span = english ? undefined : spanAfterDay(s.text);
    let spanPeriod: ResolvedPeriod | undefined;
    if (span && lastDay && /^\d{4}/u.test(lastDay.start)) {
      spanPeriod = {
        start: lastDay.start,
        end: addDays(lastDay.start, span.days),
        why: `“${span.text}” after ${lastDay.start}: the span it names (${span.counting})`,
        whyZh: `“${span.text}”（${lastDay.start}之后）：所指时段（${span.countingZh}）`,
      };
      lastDay = { ...lastDay, ...spanPeriod };
      const ev = events[events.length - 1];
      if (ev) ev.period = spanPeriod;
    }
    const hits: Hit[] = english
      ? readEnglish(s.text).map((e) => ({ start: e.start, end: e.end, raw: e.raw, value: e.value, english: e }))
      : findRanks(s.text).map((r) => ({ start: r.start, end: r.end, raw: r.raw, value: r.value, rankWord: r.word }));
    if (!english) {
      for (const t of findNumbers(s.text)) {
        if (hits.some((h) => t.start < h.end && h.start < t.end)) continue;
        hits.push({ start: t.start, end: t.end, raw: t.raw, value: t.value, token: t });
      }
    }
    hits.sort((a, b) => a.start - b.start);
    const places = findPlaces(s.text, index, city, false, district);

    for (const h of hits) {
      // the rules read the words near the number: a window keeps a sentence that never ends
      // (a page with no punctuation) from costing time in proportion to its length squared
      const before = s.text.slice(Math.max(0, h.start - CONTEXT), h.start);
      const after = s.text.slice(h.end, h.end + CONTEXT);
      const wholeBefore = s.text.slice(0, h.start);
      const abs = { start: s.start + h.start, end: s.start + h.end };
      const pass = (reason: string) => passed.push({ ...abs, raw: h.raw, reason, sentence: s });
      let unit: string;
      let proposedUnit: ProposedUnit | undefined;
      let qualifier: Qualifier = 'exact';
      // the text after the number's unit (3个|已挂牌园区)
      let rest = '';
      const why: string[] = [];
      const whyZh: string[] = [];
      if (h.english) {
        unit = h.english.unit;
        qualifier = h.english.qualifier;
        if (!ctx.unitKinds.has(unit)) proposedUnit = PROPOSABLE[unit];
        if (h.english.word) {
          why.push(h.english.unit === 'rank' ? h.english.word : `qualifier ${qualifier} from “${h.english.word}”`);
          whyZh.push(h.english.unit === 'rank' ? '英文排名序数' : `限定词“${h.english.word}”：${qualifier}`);
        }
      } else if (h.token) {
        const t = h.token;
        const excluded =
          notAFigure(t, before, after) ??
          (t.script === 'chinese' && t.raw === t.multiplier && !/(过|超|超过|突破|破|逾|近|上|达|约|数)$/u.test(before)
            ? 'a lone 万 or 亿 in a word (万物), not a number'
            : undefined);
        if (excluded) {
          pass(excluded);
          continue;
        }
        if (/^大/u.test(after) && isGroupName(after)) {
          pass('a number in the name of a group the clause goes on to count (7大产业)');
          continue;
        }
        const reading = readUnit(t, /^大/u.test(after) ? `个${after.slice(1)}` : after, before);
        if (!reading) {
          pass('no unit after the number');
          continue;
        }
        if (
          t.script === 'chinese' &&
          t.value === '1' &&
          t.multiplier === '' &&
          (ctx.unitKinds.get(reading.unit) ?? reading.proposed?.kind) !== 'money'
        ) {
          pass('一 read as “a”, not as a count');
          continue;
        }
        rest = after.slice(reading.length);
        if (isCategoryThreshold(rest, ctx.unitKinds.get(reading.unit) ?? reading.proposed?.kind)) {
          pass('a threshold that names a category (1亿元以上项目), not a figure');
          continue;
        }
        if (
          (ctx.unitKinds.get(reading.unit) ?? reading.proposed?.kind) === 'money' &&
          /^(及以上|以上)/u.test(rest) &&
          /([0-9]+|[一二三四五六七八九十两]+)个[^，,。；;]*?项目[^，,。；;]*$/u.test(before)
        ) {
          pass('a threshold describing the projects counted before it (6个项目投资额达50亿元以上), not a figure');
          continue;
        }
        unit = reading.unit;
        proposedUnit = ctx.unitKinds.has(unit) ? undefined : reading.proposed;
        if (reading.why) {
          why.push(reading.why);
          whyZh.push(reading.whyZh ?? reading.why);
        }
        const q = readQualifier(before, rest, reading.approxSuffix);
        qualifier = q.qualifier;
        if (q.word) {
          why.push(`qualifier ${q.qualifier} from “${q.word}”`);
          whyZh.push(`限定词“${q.word}”：${q.qualifier}`);
        }
      } else {
        unit = 'rank';
        if (!ctx.unitKinds.has('rank')) proposedUnit = PROPOSABLE.rank;
        why.push(`a rank (${h.raw} after ${h.rankWord})`);
        whyZh.push(`排名（${h.rankWord}${h.raw}）`);
      }

      const quote = quoteSpan(s, abs.start);
      const clauseLead = s.text.slice(quote.start - s.start, h.start);

      // period: the sentence's own mention before the number, else the last one carried, else the article's year
      // (a span such as 2019年以来 dates only the clause it stands in)
      const quoteFrom0 = (s.clauses.find((c) => abs.start >= c.start && abs.start < c.end)?.start ?? quote.start) - s.start;
      const nearest =
        // (one that opens the sentence, 今年以来，…, dates all of it)
        [...mentions].reverse().find((m) => m.index < h.start && (!m.since || m.index >= quoteFrom0 || m.index <= 1)) ??
        mentions.find(
          (m) =>
            m.index >= h.end &&
            s.clauses.some((c) => c.start <= s.start + m.index && s.start + h.start >= c.start && s.start + m.index < c.end),
        );
      // 截至2月底，今年累计…: a bare 今年 after the months of the same year names the year, not a longer period
      const narrower = nearest?.wholeYear
        ? [...mentions]
            .reverse()
            .find(
              (m) =>
                m.index < nearest.index &&
                !m.wholeYear &&
                !m.since &&
                m.day === undefined &&
                m.yearsBack === undefined &&
                (m.year === nearest.year || (m.year === undefined && nearest.relative === 0 && (m.relative ?? 0) === 0)),
            )
        : undefined;
      const own = narrower ?? nearest;
      let period: ResolvedPeriod;
      let undated = false;
      // dated only by a day that opened an earlier paragraph, with no word tying it to that event
      let byLeadDay = false;
      // an undated figure after a dated event (3月1日…会上) belongs to the event, unless a period was named since
      // (a date that opens a paragraph dates what follows; a date inside a sentence only what says 会上, 本届 …)
      const eventWord = EVENT.exec(before);
      const atEvent =
        lastDay && (!carried || carried.at < lastDay.at) && (lastDay.lead || (eventWord && lastDay.paragraph === s.paragraph))
          ? (eventWord ?? ['after the dated event that opens an earlier paragraph'])
          : null;
      // 本届峰会…, 动员大会上…: the meeting the article dated where it named it
      const ref = own
        ? null
        : (/(本届|本次|此次|这次)(\p{Script=Han}{2})/u.exec(before) ??
          /()(大会|会议|峰会|论坛|推介会|洽谈会|博览会|签约会)上[^。；;]*$/u.exec(before));
      const referred = ref
        ? [...events].reverse().find((e) => new RegExp(`(?<!本届|本次|此次|这次|该)${ref[2]}`, 'u').test(e.text))
        : undefined;
      if (!own && spanPeriod && span && h.start > span.index) {
        period = spanPeriod;
      } else if (ref && referred) {
        period = {
          ...referred.period,
          why: `${referred.period.why}: the figure is reported of that event (“${ref[0]}”)`,
          whyZh: `${referred.period.whyZh}：数字属于该次活动（“${ref[0]}”）`,
        };
      } else if (!own && lastDay && atEvent) {
        byLeadDay = !eventWord;
        period = {
          ...lastDay,
          why: `${lastDay.why}: the figure is reported of the event (“${atEvent[0]}”)`,
          whyZh: `${lastDay.whyZh}：数字属于该次活动（“${atEvent[0]}”）`,
        };
      } else if (
        own &&
        own.asOf &&
        own.wholeYear === false &&
        own.fromMonth === 1 &&
        own.toMonth === 12 &&
        own.year === undefined &&
        carried &&
        !ctx.date.date
      ) {
        const end = carried.resolved.end;
        period = {
          start: end,
          end,
          why: `“${own.text}”: a level at the end of the period reported (${end})`,
          whyZh: `“${own.text}”：报告期末（${end}）的存量`,
        };
      } else if (own && own.since && !ctx.date.date && carried && own.year !== undefined && /^\d{4}/u.test(carried.resolved.end)) {
        // 2019年以来 in a report with no date: up to the end of the period it reports
        const start = `${own.year}-01-01`;
        period = {
          start,
          end: carried.resolved.end,
          why: `period from “${own.text}”, to the end of the period the report covers (${carried.resolved.end})`,
          whyZh: `期间取自“${own.text}”，至报告期末（${carried.resolved.end}）`,
        };
      } else if (own) {
        period = periodDates(own, ctx.date.year, contextYear, ctx.date.date);
      } else if (
        carried &&
        /已/u.test(s.text.slice(quote.start - s.start, h.start)) &&
        ctx.date.date &&
        ctx.date.year !== undefined &&
        carried.resolved.end < `${ctx.date.year}-01-01`
      ) {
        // 已到账, 已开工 after a report of last year: what has happened so far, to the article's date
        period = {
          start: carried.resolved.start,
          end: ctx.date.date,
          why: `${carried.resolved.why}, carried from an earlier sentence; “已” (already) reads as up to the article’s date`,
          whyZh: `${carried.resolved.whyZh}，沿用上文；“已”按截至文章日期理解`,
        };
      } else if (carried && STOCK.test(s.text.slice(0, h.start)) && (!ctx.date.date || ctx.date.inferred)) {
        const end = carried.resolved.end;
        period = {
          start: end,
          end,
          why: `${carried.resolved.why}, carried from an earlier sentence; a level or running total (目前/累计/已达), so dated at the period’s end`,
          whyZh: `${carried.resolved.whyZh}，沿用上文；为存量或累计数（目前/累计/已达），按期末日期计`,
        };
      } else if (
        carried &&
        lastDay &&
        lastDay.paragraph === s.paragraph &&
        carried.at < paragraphStart &&
        /^\d{4}/u.test(carried.resolved.start) &&
        lastDay.end.slice(0, 4) === carried.resolved.end.slice(0, 4) &&
        lastDay.end > carried.resolved.end
      ) {
        // 上半年 reported earlier, then a paragraph of events up to 7月29日: what it reports after
        // them is not confined to the half year, so it runs to the last day the paragraph names
        period = {
          start: carried.resolved.start,
          end: lastDay.end,
          why: `${carried.resolved.why}, carried from an earlier paragraph and run to ${lastDay.end}, the last day this paragraph reports`,
          whyZh: `${carried.resolved.whyZh}，沿用上文，并延至本段所述最后日期（${lastDay.end}）`,
        };
      } else if (carried && (carried.paragraph === s.paragraph || ((!ctx.date.date || english || !paragraphHeaded) && !carried.goal))) {
        // English wire copy runs a paragraph a sentence, so its period carries across paragraphs
        period = {
          ...carried.resolved,
          why: `${carried.resolved.why}, carried from an earlier sentence`,
          whyZh: `${carried.resolved.whyZh}，沿用上文`,
        };
      } else {
        // nothing in this paragraph dates it: the article's year (a goal covers the year; an
        // outcome cannot run past the article's date, so it is read up to that date)
        period = articleYearPeriod(ctx.date.year);
        undated = true;
        if (ctx.date.year !== undefined) {
          why.push(ctx.date.why);
          whyZh.push(ctx.date.whyZh);
        }
      }

      // what the number's own clause says about its period
      const clauseBefore = s.text.slice(Math.max(quoteFrom0, h.start - CONTEXT), h.start);
      const years = averageYears(clauseBefore);
      if (years && /^\d{4}/u.test(period.end)) {
        const start = `${Number(period.end.slice(0, 4)) - years + 1}-01-01`;
        period = {
          start,
          end: period.end,
          why: `${period.why}; an average over ${years} years, so from ${start}`,
          whyZh: `${period.whyZh}；为${years}年平均，自${start}起`,
        };
      }
      if (own?.asOf && /累计/u.test(s.text.slice(Math.max(own.end, h.start - CONTEXT), h.start)) && !/(比|较)年初/u.test(clauseBefore)) {
        // 2020年已签约…195个，截至6月底，已累计完成注册152个: a running total of what the earlier year began
        const origin = mentions.find((m) => m.index < own.index && m.year !== undefined && m.day === undefined);
        if (origin?.year !== undefined && `${origin.year}` < period.start.slice(0, 4)) {
          const start = `${origin.year}-01-01`;
          period = {
            start,
            end: period.end,
            why: `${period.why}; a running total (累计) of what “${origin.text}” began, so from ${start}`,
            whyZh: `${period.whyZh}；为“${origin.text}”以来的累计数，自${start}起`,
          };
        } else if (!mentions.some((m) => m !== own && m.index < h.start && m.day === undefined)) {
          // 截至2030年末，全市累计设立企业1.86万家: a running total with no start given is the level at that date
          period = {
            start: period.end,
            end: period.end,
            why: `${period.why}; a running total (累计) with no start given, so the level at ${period.end}`,
            whyZh: `${period.whyZh}；为未说明起点的累计数，按${period.end}时点计`,
          };
        }
      }
      if (
        own &&
        own.index < quoteFrom0 &&
        /^(已经|已)/u.test(clauseBefore) &&
        ctx.date.date &&
        ctx.date.year !== undefined &&
        period.end < `${ctx.date.year}-01-01`
      ) {
        // 2030年共引进项目10个，已开工7个: started by now, not within 2030
        period = {
          start: period.start,
          end: ctx.date.date,
          why: `${period.why}; “已” (already) in a clause of its own reads as up to the article’s date`,
          whyZh: `${period.whyZh}；分句中的“已”按截至文章日期理解`,
        };
      }

      // 枣庄、潍坊和济宁…分别达到A、B和C: the i-th number of the list belongs to the i-th place
      // (the places of the sentence up to the window's edge: a sentence that never ends has thousands)
      const from = h.start - CONTEXT;
      const localPlaces = from <= 0 ? places : places.filter((p) => p.index >= from && p.index < h.end + CONTEXT);
      const respectively = respectivePlace(s, localPlaces, hits, h, wholeBefore);
      // place: a place named in the number's clause, else one that opens a clause of the
      // sentence (its subject), else the nearest before it; never one it is compared with
      const subjectPlaces = localPlaces.filter((p) => p.index < h.start && !p.compared);
      const quoteFrom = quote.start - s.start;
      const opensClause = (p: { index: number }) => {
        const c = s.clauses.find((x) => x.start - s.start <= p.index && p.index < x.end - s.start);
        return c !== undefined && /^[\s\d年,，]*$/u.test(s.text.slice(c.start - s.start, p.index));
      };
      const near =
        subjectPlaces.filter((p) => p.index >= quoteFrom).pop() ??
        subjectPlaces.find(opensClause) ??
        subjectPlaces[subjectPlaces.length - 1];
      // 省《…》21条政策: the provisions of a document belong to the body that issued it
      const provisions = english ? undefined : documentIssuer(clauseBefore, rest, index, city);
      const issuer = provisions?.issuer;
      const issuerId = provisions?.id;
      // 16市 counted: the province they make up; 青岛24条产业链: the place written right before the number
      const counted = localPlaces.find((p) => p.counts && p.index === h.start);
      const adjacent = localPlaces.find(
        (p) =>
          !p.counts &&
          p.index + p.name.length === h.start &&
          !SHARE_OF.test(s.text.slice(Math.max(0, p.index - 6), p.index)) &&
          (!p.compared || /(符合|面向|来自|在|于)$/u.test(s.text.slice(Math.max(0, p.index - 4), p.index))),
      );
      let geo: string;
      let proposedPlace: string | undefined;
      if (issuerId) {
        geo = issuerId;
        why.push(`place: the provisions of a document issued by “${issuer}”`);
        whyZh.push(`地点：由“${issuer}”印发的文件所列条款`);
      } else if (counted) {
        geo = counted.id;
        why.push(`place: “${counted.name}” counts places, so the figure is of the place that holds them`);
        whyZh.push(`地点：“${counted.name}”为地区个数，按其所属地区`);
      } else if (adjacent) {
        geo = adjacent.id;
        why.push(`place “${adjacent.name}”, written right before the number`);
        whyZh.push(`地点“${adjacent.name}”：紧接数字之前`);
      } else if (respectively) {
        geo = respectively.id;
        why.push(`place “${respectively.name}”: the same position in the list before 分别`);
        whyZh.push(`地点“${respectively.name}”：与“分别”前的列举位置对应`);
      } else if (near && listParent(s, localPlaces, near, index)) {
        const parent = listParent(s, localPlaces, near, index) as { id: string; names: string };
        geo = parent.id;
        why.push(`place: ${parent.names} together, so the place they belong to`);
        whyZh.push(`地点：${parent.names}合计，按其所属地区`);
      } else if (near) {
        geo = near.id;
        // a place that opens its paragraph (胶州市放大…) is the subject of the whole paragraph
        const opener = paragraphPlace?.opener && paragraphPlace.paragraph === s.paragraph ? paragraphPlace : undefined;
        const leads = near.index <= 40 && /^[\s\d年,，]*$/u.test(stripPlaces(s.text.slice(0, near.index), index, city));
        paragraphPlace = opener ?? {
          sentence: fullSentence,
          part,
          leads,
          paragraph: s.paragraph,
          opener: s.start === paragraphStart && near.index <= 1,
          id: near.id,
          name: near.name,
        };
        if (near.name !== '全市') {
          why.push(`place from “${near.name}”`);
          whyZh.push(`地点取自“${near.name}”`);
        }
      } else {
        const unknown = findUnknownPlaces(wholeBefore, index, places).pop();
        if (unknown) {
          geo = placeSlug(unknown.name);
          proposedPlace = unknown.name;
          why.push(`place “${unknown.name}” is not in places.csv: proposed as a new place`);
          whyZh.push(`地点“${unknown.name}”不在places.csv中：建议新增`);
        } else if (
          paragraphPlace &&
          ((paragraphPlace.sentence === fullSentence && (paragraphPlace.leads || paragraphPlace.part === part)) ||
            (paragraphPlace.opener && paragraphPlace.paragraph === s.paragraph))
        ) {
          geo = paragraphPlace.id;
          why.push(`place from “${paragraphPlace.name}” earlier in the sentence`);
          whyZh.push(`地点取自本句上文“${paragraphPlace.name}”`);
        } else if (sentenceLead && sentenceLead.paragraph === s.paragraph) {
          geo = sentenceLead.id;
          why.push(`place from “${sentenceLead.name}”, which opens an earlier sentence of the paragraph`);
          whyZh.push(`地点取自本段上文句首的“${sentenceLead.name}”`);
        } else if (/^\s*其中/u.test(s.text) && candidates.length > 0) {
          const prev = candidates[candidates.length - 1] as Candidate;
          geo = prev.geo;
          if (prev.proposedPlace) proposedPlace = prev.proposedPlace;
          why.push('a part (其中) of the figure before it: its place');
          whyZh.push('为上一数字的其中部分：沿用其地点');
        } else if (district && !cityNamed) {
          geo = district;
          why.push('no place named: the district the article is about (it never names the city)');
          whyZh.push('未写明地点：按文章所报道的区（市）（原文未提及所属城市）');
        } else if (city) {
          geo = city;
          why.push('no place named: the city the article is about');
          whyZh.push('未写明地点：按文章所报道的城市');
        } else {
          geo = 'unknown';
          why.push('no place named and no city found: fill in geo');
          whyZh.push('未写明地点，也未识别出城市：请填写geo');
        }
      }

      // (a guessed year is only good for years: a later year is the future, a month within it is not told apart)
      const future = undated
        ? false
        : ctx.date.date && !ctx.date.inferred
          ? period.end > ctx.date.date
          : ctx.date.year !== undefined && period.end.slice(0, 4) > String(ctx.date.year);
      const past =
        (ctx.date.year !== undefined && period.end < `${ctx.date.year}-01-01`) ||
        (!undated && ctx.date.date !== undefined && period.end <= ctx.date.date);
      const st = english
        ? (englishStatus(before) ??
          (future
            ? { status: 'target' as const, word: 'a period that ends after the article’s date' }
            : { status: 'actual' as const, word: '' }))
        : provisions && !/(将|拟|计划|即将)(出台|制定|印发|发布)/u.test(before)
          ? { status: 'actual' as const, word: '' }
          : readStatus(clauseLead, before, future, {
              past,
              atLeast: qualifier === 'at-least',
              // the period runs past the article's date: what the article sets out is still to come
              open: ctx.date.date !== undefined && period.end > ctx.date.date && /^\d{4}/u.test(period.end),
              statement: s.text,
            });
      if (
        st.status !== 'actual' &&
        !own &&
        !undated &&
        ((carried && period.start === carried.resolved.start && period.end === carried.resolved.end) || byLeadDay) &&
        /^\d{4}/u.test(period.start)
      ) {
        // a goal or plan stated without a period covers the year, not the months reported before it
        const y = period.start.slice(0, 4);
        period = {
          start: `${y}-01-01`,
          end: `${y}-12-31`,
          why: `a goal or plan with no period of its own: the whole of ${y}`,
          whyZh: `目标或计划未写明期间：按${y}全年计`,
        };
      }
      if (
        undated &&
        st.status === 'actual' &&
        ctx.date.date &&
        ctx.date.year !== undefined &&
        ctx.date.date.startsWith(String(ctx.date.year))
      ) {
        period = {
          start: `${ctx.date.year}-01-01`,
          end: ctx.date.date,
          why: `the text states no period: an outcome, read from the start of the article’s year to its date (${ctx.date.date})`,
          whyZh: `原文未说明期间：按已实现的数字，计为文章所在年份年初至文章日期（${ctx.date.date}）`,
        };
      }
      const level = st.status === 'actual' && !english ? (provisions?.text ?? levelWord(clauseBefore, rest)) : undefined;
      if (level) {
        // a level is dated: at the article's date when the period holds it, else at the period's end;
        // what a document says holds from its issue, so at the article's date
        const d =
          ctx.date.date && ((period.start <= ctx.date.date && ctx.date.date <= period.end) || provisions) ? ctx.date.date : period.end;
        period = {
          start: d,
          end: d,
          why: `a level at a date (“${level}”), so at ${d}`,
          whyZh: `为某一时点的存量（“${level}”），按${d}计`,
        };
      }
      why.push(period.why);
      whyZh.push(period.whyZh);
      if (st.word) {
        why.push(`status ${st.status} from “${st.word}”`);
        whyZh.push(`状态“${st.word}”：${st.status}`);
      }
      if ((unit === 'percent' || unit === 'pp') && /(下降|减少|回落|降低|下滑)(了)?$/u.test(before)) {
        why.push('a fall (下降): the value is as printed; as a growth rate it is negative');
        whyZh.push('为下降：数值按原文；作为增长率应为负值');
      }
      const base = /较(\d{4})年(同期)?/u.exec(quote.text);
      if (base) {
        why.push(`growth against ${base[1]}${base[2] ? ' (same period)' : ''}, not against the previous year`);
        whyZh.push(`增长的基期为${base[1]}年${base[2] ? '同期' : ''}，不是上年`);
      }
      if (/^其中/u.test(quote.text)) {
        why.push('a part (其中) of the figure before it');
        whyZh.push('为上一数字的其中部分');
      }

      const subject = quote.text.slice(0, abs.start - quote.start);
      const match = matchIndicator(subject, unit, ctx.indicators);
      candidates.push({
        sentence: { start: s.start, end: s.end, text: s.text },
        quote,
        number: { ...abs, raw: h.raw },
        value: h.value,
        unit,
        ...(proposedUnit ? { proposedUnit } : {}),
        qualifier,
        status: st.status,
        period,
        ...(undated ? { undated } : {}),
        geo,
        ...(proposedPlace ? { proposedPlace } : {}),
        ...(match
          ? { indicator: match.id }
          : {
              proposedIndicator: proposedName(
                findPlaces(subject, index, city, true).reduceRight(
                  (t, p) => t.slice(0, p.index) + t.slice(p.index + p.name.length),
                  subject,
                ),
              ),
            }),
        why,
        whyZh,
      });
    }
    if (sentenceOpens) {
      // the place this sentence opens with becomes the subject of the sentences after it; a sentence
      // about some other place (named in passing) leaves no subject to carry
      const lead = places.find(
        (p) => !p.compared && p.index <= 40 && /^[\s\d年,，]*$/u.test(stripPlaces(s.text.slice(0, p.index), index, city)),
      );
      if (lead) sentenceLead = { paragraph: s.paragraph, id: lead.id, name: lead.name };
      else if (places.some((p) => !p.compared)) sentenceLead = undefined;
    }
    sentenceOpens = false;
    if (/[。！？!?]\s*$/u.test(s.text) || s.end === text.length || text[s.end] === '\n') {
      fullSentence++;
      sentenceOpens = true;
    }
    part++;
    const day = mentions.filter((m) => m.day !== undefined).pop();
    if (day) {
      lastDay = {
        ...periodDates(day, ctx.date.year, contextYear, ctx.date.date),
        paragraph: s.paragraph,
        at: s.start + day.index,
        lead: s.start === paragraphStart && day.index <= 1,
      };
      // 7月18日，大会开幕，为期两天: the span follows the day in its own sentence
      const ownSpan = english ? undefined : spanAfterDay(s.text.slice(day.end));
      if (ownSpan && /^\d{4}/u.test(lastDay.start)) {
        lastDay = {
          ...lastDay,
          end: addDays(lastDay.start, ownSpan.days),
          why: `${lastDay.why}, for the span “${ownSpan.text}” (${ownSpan.counting})`,
          whyZh: `${lastDay.whyZh}，“${ownSpan.text}”（${ownSpan.countingZh}）`,
        };
      }
      events.push({ period: lastDay, text: s.text });
    }
    // a one-off span (2019年以来) or a date of a stock (目前, 截至) does not set the period of what follows
    const last = mentions
      .filter(
        (m) =>
          !m.since &&
          // 到2030年 is the horizon of a goal, not the period of what the next sentences report
          !/(到|至)$/u.test(s.text.slice(Math.max(0, m.index - 1), m.index)) &&
          !/^by\b/iu.test(m.text) &&
          m.day === undefined &&
          m.yearsBack === undefined &&
          !(m.asOf && m.wholeYear === false && m.fromMonth === 1 && m.toMonth === 12),
      )
      .pop();
    if (last) {
      const resolved = periodDates(last, ctx.date.year, contextYear, ctx.date.date);
      carried = {
        mention: last,
        resolved,
        paragraph: s.paragraph,
        at: s.start + last.index,
        goal: /力争|确保|争取|目标[是为：:]/u.test(s.text.slice(0, last.index + 12)),
      };
      const y = Number(resolved.start.slice(0, 4));
      if (Number.isFinite(y)) contextYear = y;
    }
  }
  // a figure stated again (a headline, a side box) is one figure: the same value and unit, and the
  // same key or the same words around it
  const first = new Map<string, number>();
  // numerals count alike however they are written (十大 and 10大)
  const words = candidates.map((x) =>
    x.quote.text.replace(/[^\p{Script=Han}\d.%]/gu, '').replace(/[\d.]+|[零〇一二两三四五六七八九十百千]+/gu, '#'),
  );
  // the thing counted, written right after the unit (四场硬仗 … 四场硬仗)
  const nouns = candidates.map(
    (x) => /^[^\p{Script=Han}]{0,2}(\p{Script=Han}{2})/u.exec(text.slice(x.number.end + 1, x.number.end + 6))?.[1],
  );
  candidates.forEach((c, i) => {
    const key = candidateKey(c);
    const at = first.get(key);
    if (at !== undefined) {
      c.repeatOf = at;
      return;
    }
    const same = candidates.findIndex(
      (e, j) =>
        j < i &&
        e.repeatOf === undefined &&
        e.value === c.value &&
        e.unit === c.unit &&
        ((words[j] as string).includes(words[i] as string) ||
          (words[i] as string).includes(words[j] as string) ||
          // (the same four battles stated again are the same figure, whatever the sentence's verb makes of them)
          (c.unit === 'count' && nouns[i] !== undefined && nouns[i] === nouns[j]) ||
          // a headline states the figure with no period; the body dates it
          (c.geo === e.geo && c.status === e.status && e.undated !== c.undated && isHeadline(e.undated ? e : c)) ||
          // a headline's months with no year (first 10 months) and the body's dated months
          (c.geo === e.geo &&
            c.status === e.status &&
            isHeadline(e) &&
            e.period.start.startsWith('XXXX') &&
            !c.period.start.startsWith('XXXX') &&
            e.period.start.slice(4) === c.period.start.slice(4) &&
            e.period.end.slice(4) === c.period.end.slice(4))),
    );
    if (same >= 0) {
      const e = candidates[same] as Candidate;
      if ((e.undated && !c.undated && e.status === c.status) || (e.period.start.startsWith('XXXX') && !c.period.start.startsWith('XXXX'))) {
        // the later statement dates the figure (a headline states it without a period): keep that one
        e.repeatOf = i;
        for (const x of candidates) if (x.repeatOf === same) x.repeatOf = i;
        first.set(key, i);
      } else c.repeatOf = same;
    } else first.set(key, i);
  });
  return { candidates, passed, ...(city ? { city } : {}) };
}

/** The text with the place names found in it taken out (青岛市西海岸新区 → ''). */
function stripPlaces(text: string, index: ReturnType<typeof placeIndex>, city: string | undefined): string {
  return findPlaces(text, index, city, true).reduceRight((t, p) => t.slice(0, p.index) + t.slice(p.index + p.name.length), text);
}

/** A line with no closing punctuation (a headline, a caption) states a figure without its period. */
function isHeadline(c: Candidate): boolean {
  return !/[。！？!?；;.]\s*$/u.test(c.sentence.text);
}

function respectivePlace(s: Sentence, places: PlaceMention[], hits: Hit[], h: Hit, before: string): PlaceMention | undefined {
  const at = before.lastIndexOf('分别');
  if (at < 0) return undefined;
  const listed = places.filter((p) => p.index < at && !p.compared);
  // the list: names joined only by 、和与及
  const run: PlaceMention[] = [];
  for (let i = listed.length - 1; i >= 0; i--) {
    const p = listed[i] as PlaceMention;
    const next = run[0];
    if (next && !/^[、和与及]$/u.test(s.text.slice(p.index + p.name.length, next.index))) break;
    run.unshift(p);
  }
  const stop = s.text.slice(at).search(/[，,；;。]/u);
  const until = stop < 0 ? s.text.length : at + stop;
  const numbers = hits.filter((x) => x.start > at && x.start < until);
  const i = numbers.indexOf(h);
  return run.length >= 2 && run.length === numbers.length && i >= 0 ? run[i] : undefined;
}

/** 枣庄、潍坊和济宁…增速高于30%: a figure of several listed places together belongs to the place they share. */
function listParent(
  s: Sentence,
  places: PlaceMention[],
  near: PlaceMention,
  index: ReturnType<typeof placeIndex>,
): { id: string; names: string } | undefined {
  const run = [near];
  for (let i = places.indexOf(near) - 1; i >= 0; i--) {
    const p = places[i] as PlaceMention;
    const next = run[0] as PlaceMention;
    if (p.compared || !/^[、和与及]$/u.test(s.text.slice(p.index + p.name.length, next.index))) break;
    run.unshift(p);
  }
  if (run.length < 2) return undefined;
  const parents = new Set(run.map((p) => index.byId.get(p.id)?.parent));
  const [parent] = [...parents];
  return parents.size === 1 && parent ? { id: parent, names: run.map((p) => p.name).join('、') } : undefined;
}

/** An ASCII id for a proposed place; the editor renames it. */
export function placeSlug(name: string): string {
  return `place-${[...name].map((c) => c.codePointAt(0)?.toString(16)).join('-')}`;
}

export type { Sentence };
