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
  // a dateline in Chinese (2031年7月25日), ISO (2031-07-25) or English (July 25, 2031)
  // (web pages write 2031-07-25, 2031/7/25 or 2031.07.25 beside 发布时间)
  const isoDate = /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/u.exec(head);
  const english = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})\b/u.exec(head);
  const dateline = full
    ? { text: full[0], y: Number(full[1]), m: Number(full[2]), d: Number(full[3]) }
    : isoDate
      ? { text: isoDate[0], y: Number(isoDate[1]), m: Number(isoDate[3]), d: Number(isoDate[4]) }
      : english
        ? {
            text: english[0],
            y: Number(english[3]),
            m: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(english[1] as string) + 1,
            d: Number(english[2]),
          }
        : undefined;
  if (dateline && dateline.m >= 1 && dateline.m <= 12 && dateline.d >= 1 && dateline.d <= 31) {
    const y = dateline.y;
    return {
      year: y,
      date: iso(y, dateline.m, dateline.d),
      why: `the article’s year from its dateline (${dateline.text})`,
      whyZh: `文章年份取自电头日期（${dateline.text}）`,
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
