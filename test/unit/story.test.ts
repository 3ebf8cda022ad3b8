/**
 * The story page and its charts take every number from the dataset: the text's lookups,
 * the dictionary (no figures typed into it), and the marks that say what kind a figure is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import zh from '../../src/i18n/zh.json';
import { t } from '../../src/i18n/index.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { fig, period } from '../../src/story/figures.ts';
import { measureWordOf } from '../../src/lib/words/figure-words.ts';
import { storySections } from '../../src/story/sections.ts';
import { headline, keyNumbers } from '../../src/story/lead.ts';
import { NAMED_WITHOUT_COUNTS } from '../../src/story/named-without-counts.ts';

describe('story figures', () => {
  it('formats a figure looked up by id with its unit and qualifier', () => {
    expect(fig('fdi-actual-2023-2024c')).toBe('37.5亿美元');
    expect(fig('projects-signed-5yi-2023-24-key-chains-target-2023c')).toBe('150个以上');
    expect(fig('trade-total-yoy-gap-vs-country-2023-2024c')).toBe('4.4个百分点');
    expect(period('fdi-actual-2020h1-2020h1')).toBe('2020年上半年');
  });

  it('names the id it cannot find', () => {
    expect(() => fig('no-such-figure')).toThrow(/no-such-figure/u);
  });
});

describe('story and chart text', () => {
  it('has no number typed into a story or chart dictionary string', () => {
    const offenders = Object.entries(zh as Record<string, string>)
      .filter(([k]) => k.startsWith('story.') || k.startsWith('charts.common.') || CHARTS.some((c) => k.startsWith(`charts.${c.id}.`)))
      .filter(([, v]) => /\d/u.test(v.replace(/\{\w+\}/gu, '')));
    expect(offenders).toEqual([]);
  });

  it('builds every section, and shows every registered chart exactly once', () => {
    const sections = storySections('zh');
    const shown = sections.flatMap((s) => s.charts);
    expect(new Set(shown).size).toBe(shown.length);
    expect([...shown].sort()).toEqual(CHARTS.map((c) => c.id).sort());
    for (const s of sections) expect(s.paragraphs.length).toBeGreaterThanOrEqual(1);
  });
});

describe('charts say what kind each figure is', () => {
  const data = getDataset();
  for (const chart of CHARTS) {
    it(`${chart.id}: computed figures are keyed in the legend (at most 4 entries); every figure's kind is in its tooltip`, () => {
      const rows = chart.select(data);
      for (const width of [340, 640]) {
        const spec = chart.spec(rows, { width, lang: 'zh', lookups: data });
        const svg = renderPlotSvg(spec, { ariaLabel: chart.id, ariaDescription: '' });
        // the legend keys what is drawn, a computed figure's look among it, in at most 4 entries
        const legend = spec.legend.map((e) => e.label);
        expect(legend.length).toBeLessThanOrEqual(4);
        const tips = [...svg.matchAll(/data-tip="([^"]*)"/gu)].map((m) => m[1] ?? '');
        const drawnDerived = rows.some((r) => r.derived && r.status === 'actual') && /stroke-dasharray="(4 3|5 3)"/u.test(svg);
        if (drawnDerived) expect(legend).toContain(t('zh', 'chart.legend.derived'));
        // where a figure came from (computed, another outlet) is said in its tooltip
        if (rows.some((r) => r.derived)) expect(tips.some((x) => x.includes(t('zh', 'chart.derived')))).toBe(true);
        if (rows.some((r) => r.sourceKind === 'secondary')) expect(tips.some((x) => x.includes(t('zh', 'chart.secondary')))).toBe(true);
        // the marks are focusable, their tooltips name the period and the source, and they lead to the sentence
        expect(tips.length).toBeGreaterThan(0);
        for (const tip of tips) {
          expect(tip).toContain(`${t('zh', 'chart.table.period')}：`);
          expect(tip).toContain(`${t('zh', 'chart.source')}：`);
        }
        const hrefs = [...svg.matchAll(/data-href="([^"]*)"/gu)].map((m) => m[1] ?? '');
        expect(hrefs.length).toBe(tips.length);
        for (const href of hrefs) expect(href).toMatch(/^(sources\/[\w-]+\/#fig-[\w-]+|data\/#row-[\w-]+)$/u);
      }
    });
  }
});

describe('the lead', () => {
  it('states the finding with its numbers and periods, scoped to the sources found', () => {
    expect(headline('zh')).toBe('在本站找到的报道中，青岛实际使用外资占全省的比重从2020年上半年的46%降到2023年的21.4%');
    expect(headline('en')).toMatch(/^In the reports this site found, .* fell from 46% in .*2020 to 21\.4% in 2023$/u);
  });

  it('sets side by side only figures of one definition, each with its period and what kind it is', () => {
    const numbers = keyNumbers('zh');
    expect(numbers.map((k) => k.value)).toEqual(['46%', '31.4%', '21.4%']);
    const data = getDataset();
    const kinds = new Set(
      numbers.map((k) => `${data.byId.get(k.figureId)?.indicator}|${data.byId.get(k.figureId)?.unit}|${data.byId.get(k.figureId)?.geo}`),
    );
    expect(kinds.size).toBe(1);
    expect(numbers[1]?.notes).toContain('二手来源');
    expect(numbers[0]?.notes).toContain('年份为推断');
  });
});

describe('measure words follow the source', () => {
  it('writes a count with the measure word its quote uses, 个 where it gives none', () => {
    expect(fig('buildings-specialty-2023-target-2023c')).toBe('70座');
    expect(fig('fdi-new-enterprises-2020h1-2020h1')).toBe('408家');
    expect(fig('projects-signed-5yi-2023-2024c')).toBe('151个');
    expect(measureWordOf({ valueText: '1', quote: '过500亿元园区1个' })).toBe('个');
    expect(measureWordOf({ valueText: '5', quote: '排名前五' })).toBeUndefined();
    expect(measureWordOf({ valueText: '2', quote: '打造12场活动' })).toBeUndefined();
  });
});

const SOURCES_DIR = fileURLToPath(new URL('../../data/sources/', import.meta.url));

describe('chains the sources name without counts', () => {
  it('quotes each sentence verbatim from its source, for an indicator and a source in the data', () => {
    const data = getDataset();
    for (const n of NAMED_WITHOUT_COUNTS) {
      const source = data.sources.get(n.source);
      expect(source, n.source).toBeDefined();
      expect(data.indicators.has(n.indicator), n.indicator).toBe(true);
      const text = readFileSync(join(SOURCES_DIR, source?.file ?? ''), 'utf8');
      expect(text).toContain(n.quote);
    }
  });

  it('are said in words in the story, with the quote', () => {
    const places = storySections('zh').find((s) => s.id === 'places');
    expect(places?.paragraphs.join('')).toContain(NAMED_WITHOUT_COUNTS[0]?.quote);
  });
});
