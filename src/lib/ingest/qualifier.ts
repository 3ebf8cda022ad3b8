/**
 * How the text qualifies a number, read as the data dictionary says: 约/近/左右 approximate;
 * 以上/及以上 at-least; 超/突破/逾/余/多/过/高于 more-than; 不足/不到/低于 less-than.
 */
export type Qualifier = 'exact' | 'approximate' | 'at-least' | 'more-than' | 'less-than';

export interface QualifierReading {
  qualifier: Qualifier;
  /** the words that decided it ('' for exact) */
  word: string;
}

const BEFORE: [RegExp, Qualifier][] = [
  // 约 of 签约/合约/节约 and 过 of 通过/经过 are other words
  [/(大约|(?<![签合节预制公条协契邀履])约|将近|接近|(?<![最附就])近)(达到|达)?$/u, 'approximate'],
  [/(超过|超出|超|突破|逾|(?<![通经不越度路])过|高于|多于)(了)?$/u, 'more-than'],
  [/(不足|不到|低于|少于|未满)$/u, 'less-than'],
];
const AFTER: [RegExp, Qualifier][] = [
  [/^(左右|上下)/u, 'approximate'],
  [/^(及以上|以上)/u, 'at-least'],
  [/^(以下|以内)/u, 'less-than'],
];

/**
 * `before` is the text before the number; `afterUnit` the text after its unit; `approxSuffix`
 * says 余/多 stood between number and unit.
 */
export function readQualifier(before: string, afterUnit: string, approxSuffix: boolean): QualifierReading {
  if (approxSuffix) return { qualifier: 'more-than', word: '余/多' };
  // 由5亿元以上扩大到…: a threshold being changed is itself the figure, exactly
  if (/(由|从)$/u.test(before)) return { qualifier: 'exact', word: '' };
  for (const [re, q] of AFTER) {
    const m = re.exec(afterUnit);
    if (m) return { qualifier: q, word: m[0] };
  }
  if (/^多/u.test(afterUnit)) return { qualifier: 'more-than', word: '多' };
  for (const [re, q] of BEFORE) {
    const m = re.exec(before);
    if (m) return { qualifier: q, word: m[1] as string };
  }
  return { qualifier: 'exact', word: '' };
}
