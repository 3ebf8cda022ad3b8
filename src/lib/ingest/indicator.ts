/**
 * The indicator of a figure: an existing one whose name shares most of its words (character
 * pairs) with the sentence and whose unit is the figure's, or else a proposed new indicator
 * named after the words before the number.
 */
export interface IndicatorRow {
  id: string;
  name_zh: string;
  unit: string;
}

export interface IndicatorMatch {
  id: string;
  score: number;
}

const bigrams = (s: string): Set<string> => {
  const han = s.replace(/[^\p{Script=Han}0-9]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
};

const NAME_BIGRAMS = new Map<string, Set<string>>();

/** Best existing indicator with this unit whose name is at least 60% present in `subject`. */
export function matchIndicator(
  subject: string,
  unit: string,
  indicators: readonly IndicatorRow[],
  threshold = 0.6,
): IndicatorMatch | undefined {
  const words = bigrams(subject);
  let best: IndicatorMatch | undefined;
  // a rate says what kind of rate it is: growth (增长) belongs to a …-yoy series, a share (占) to a …-share one
  const growth = unit === 'percent' && /增长|增速|增幅|下降|回落/u.test(subject);
  const share = unit === 'percent' && /占|比重|占比/u.test(subject);
  for (const ind of indicators) {
    if (ind.unit !== unit) continue;
    if (growth && !/-yoy$|growth/u.test(ind.id)) continue;
    if (share && !growth && !/share/u.test(ind.id)) continue;
    let name = NAME_BIGRAMS.get(ind.name_zh);
    if (!name) NAME_BIGRAMS.set(ind.name_zh, (name = bigrams(ind.name_zh)));
    if (name.size === 0) continue;
    let hit = 0;
    for (const b of name) if (words.has(b)) hit++;
    const score = hit / name.size;
    if (score >= threshold && (!best || score > best.score)) best = { id: ind.id, score };
  }
  return best;
}

/** A name for a proposed indicator: the words of the clause before the number, without time, place and qualifier words. */
export function proposedName(lead: string): string {
  const cleaned = lead
    .replace(/\d{4}年|今年|去年|上半年|下半年|前三季度|[一二三四]季度|全年|截至\S*?[月日]|目前|其中|同比|全市|全省|全国|共|累计/gu, '')
    .replace(/(约|近|超过|超|突破|逾|过|达到|达|为|实现|完成)$/u, '')
    .replace(/[^\p{Script=Han}A-Za-z0-9“”]/gu, '');
  return cleaned.slice(-16) || '未命名指标';
}
