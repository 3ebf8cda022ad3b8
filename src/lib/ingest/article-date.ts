/**
 * The year (and date) an article is from: its catalogue row when it has one, else a full date
 * in its first lines (2024年5月15日), else the latest year it names that is not a goal's
 * horizon (到2025年). A dateline's month and day (5月15日下午) give the date within that year.
 */
export interface ArticleDate {
  year?: number;
  date?: string;
  /** the year is a guess from the years the text names, not a dateline or the catalogue */
  inferred?: boolean;
  why: string;
  whyZh: string;
}

export function articleDate(text: string, catalogued?: { year?: number; month?: number; day?: number }): ArticleDate {
  const head = text.slice(0, 600);
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(head);
  const md = /(?<![\d年])(\d{1,2})月(\d{1,2})日/u.exec(head);
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (catalogued?.year !== undefined) {
    const date =
      catalogued.month && catalogued.day
        ? iso(catalogued.year, catalogued.month, catalogued.day)
        : md
          ? iso(catalogued.year, Number(md[1]), Number(md[2]))
          : undefined;
    return {
      year: catalogued.year,
      ...(date ? { date } : {}),
      why: `the article’s year (${catalogued.year}) from sources.csv`,
      whyZh: `文章年份（${catalogued.year}年）取自sources.csv`,
    };
  }
  if (full) {
    const y = Number(full[1]);
    return {
      year: y,
      date: iso(y, Number(full[2]), Number(full[3])),
      why: `the article’s year from its dateline (${full[0]})`,
      whyZh: `文章年份取自电头日期（${full[0]}）`,
    };
  }
  let latest: number | undefined;
  // (English copy: in 2031, of 2031, during 2031; by 2032 is a goal's horizon)
  for (const m of text.matchAll(/(到|至|力争|目标|展望)?(\d{4})(?=年|·)|\b(?:in|of|during)\s+()(\d{4})\b(?![-–,.]?\d)/gu)) {
    const y = Number(m[2] ?? m[4]);
    if (m[4] && /\bby\s+(the\s+end\s+)?$/iu.test(text.slice(Math.max(0, (m.index ?? 0) - 16), m.index))) continue;
    if (m[1] || y < 1949 || y > 2100) continue;
    if (latest === undefined || y > latest) latest = y;
  }
  if (latest === undefined) return { why: 'the text gives no year', whyZh: '原文未给出年份' };
  const date = md ? iso(latest, Number(md[1]), Number(md[2])) : undefined;
  return {
    year: latest,
    inferred: true,
    ...(date ? { date } : {}),
    why: `the article’s year taken as ${latest}, the latest year the text names (no dateline year)`,
    whyZh: `文章年份按原文提到的最晚年份（${latest}年）推定（电头无年份）`,
  };
}
