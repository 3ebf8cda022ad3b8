/**
 * The forms that keep a chart from saying what its text denies (issue 20): a target is never
 * drawn against a bar of another definition; a total over several years is a bracket over
 * its years, never a mark at a one-year height; a run of empty years is one label, never a
 * character a line. On the fixture tables, so they hold for any data.
 */
import { describe, expect, it } from 'vitest';
import { sameBreakdown } from '../../src/lib/data/site-figure.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { targetGroups, targetsVsReported } from '../../src/charts/targets-vs-reported.ts';
import { projectsSignedThresholds } from '../../src/charts/projects-signed-thresholds.ts';
import { gapLines, wrapBalanced } from '../../src/charts/kit/time-panel.ts';
import { textWidth } from '../../src/charts/kit/chart-kit.ts';
import { LOOKUPS, TARGETS, THRESHOLDS } from '../fixtures/charts/tables.ts';

const cx = { width: 340, lang: 'zh' as const, lookups: LOOKUPS };

describe('targets against what was reported', () => {
  const groups = targetGroups(TARGETS, cx);

  it('draws on a target’s scale only the target and figures of its own definition', () => {
    expect(groups.length).toBe(2);
    for (const g of groups) {
      const target = g.items.find((i) => i.type === 'bar' && i.figure.status === 'target');
      if (!target || target.type !== 'bar') throw new Error(`${g.title}: no target bar`);
      for (const item of g.items) {
        if (item.type !== 'bar' || item === target) continue;
        expect(item.figure.indicator, g.title).toBe(target.figure.indicator);
        expect(sameBreakdown(item.figure, target.figure), g.title).toBe(true);
      }
    }
  });

  it('says an outcome of another definition in words, with its value, tappable', () => {
    const landed = groups.find((g) => g.items.some((i) => i.type === 'bar' && i.figure.indicator === 'projects-landed-1yi'));
    const words = landed?.items.find((i) => i.type === 'words');
    expect(words?.type === 'words' && words.text).toContain('900个');
    expect(words?.type === 'words' && words.text).toContain('不是落地数');
    // the unreported landed count is said, not left blank
    expect(landed?.items.some((i) => i.type === 'gap')).toBe(true);
    const svg = renderPlotSvg(targetsVsReported.spec(TARGETS, cx), { ariaLabel: 't', ariaDescription: '' });
    expect(svg).toMatch(/data-tip="签约亿元以上项目：900个/u);
  });

  it('states the finding in its title', () => {
    expect(targetsVsReported.title?.(TARGETS, cx)).toBe('2024年的目标是落地亿元以上项目500个，报告的却是签约数900个');
  });
});

describe('a total over several years', () => {
  it('is a bracket over its years, labelled as a total, and does not set the value scale', () => {
    // a two-year total twice the single year's figure: drawn on the scale, it would stretch it
    const rows = THRESHOLDS.map((f) => (f.id === 'p50-2020-2021' ? { ...f, valueText: '150', value: 150 } : f));
    const draw = (rs: typeof rows) => renderPlotSvg(projectsSignedThresholds.spec(rs, cx), { ariaLabel: 't', ariaDescription: '' });
    const svg = draw(rows);
    expect(svg).toContain('2020—2021年合计：150');
    const numbers = (s: string) => [...s.matchAll(/>(\d+)<\/text>/gu)].map((m) => m[1]).join(',');
    expect(numbers(svg)).toBe(numbers(draw(rows.filter((f) => f.id !== 'p50-2020-2021'))));
    expect(numbers(svg)).not.toContain('150');
  });
});

describe('words for a run of empty years', () => {
  it('never stand a character a line, at any width', () => {
    for (let room = 8; room <= 400; room += 3) {
      for (const lines of [
        gapLines('2022—2025年', '本站未找到公开数字', '未找到数字', room, 12),
        gapLines('2022–2025', 'No public figure found', 'None found', room, 12),
      ]) {
        for (const l of lines) {
          expect([...l.trim()].length, `"${l}" at ${room}px`).toBeGreaterThanOrEqual(2);
          expect(textWidth(l, 12), `"${l}" at ${room}px`).toBeLessThanOrEqual(room);
        }
      }
    }
  });

  it('break English between words only, Chinese into even lines', () => {
    const words = 'No public figure found'.split(' ');
    for (const room of [40, 60, 80, 120]) {
      for (const l of wrapBalanced('No public figure found', room, 12)) for (const w of l.split(' ')) expect(words).toContain(w);
    }
    expect(wrapBalanced('本站未找到公开数字', 40, 12)).toEqual(['本站未', '找到公', '开数字']);
  });
});
