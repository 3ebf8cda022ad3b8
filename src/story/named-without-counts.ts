/**
 * Where a source names the parts of a whole without counting them: the industrial chains with
 * the most signed projects in the first quarter of 2024 are named, their project counts are
 * not. Readers ask for counts by chain; the story and the indicator page say in words that the
 * source gives none, with the sentence. Each quote is checked to stand verbatim in its source's
 * text (test/unit/story.test.ts), so nothing here is typed from memory.
 */
export interface NamedWithoutCounts {
  /** the indicator whose breakdown the source names but does not count */
  indicator: string;
  source: string;
  period_start: string;
  period_end: string;
  /** the sentence as the source prints it */
  quote: string;
  /** the same in English */
  quote_en: string;
}

export const NAMED_WITHOUT_COUNTS: readonly NamedWithoutCounts[] = [
  {
    indicator: 'projects-signed-1yi',
    source: 'art-2024q1-forum',
    period_start: '2024-01-01',
    period_end: '2024-03-31',
    quote: '从产业链项目分布看，食品饮料、智能制造装备、现代商贸、生物医药及医疗器械、氢能与储能较为突出',
    quote_en:
      'by industrial chain, food and beverages, intelligent manufacturing equipment, modern commerce, biomedicine and medical devices, and hydrogen and energy storage stood out',
  },
];

export const namedWithoutCounts = (indicator: string): NamedWithoutCounts[] =>
  NAMED_WITHOUT_COUNTS.filter((n) => n.indicator === indicator);
