/**
 * A chart's frame is drawn once per build and kept (a chart page and its embeds share it), and
 * forgetChartFrame lets it go for the images' process, which needs each frame once: asked again,
 * the frame is drawn anew, the same as before, and the other edition's stays kept.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { buildChartFrame, forgetChartFrame } from '../../src/lib/chart/frame.ts';

describe('the chart frame cache', () => {
  it('keeps a frame until it is forgotten, then draws the same frame anew', () => {
    const data = getDataset();
    const def = CHARTS[0]!;
    const zh = buildChartFrame(def, data, 'zh');
    const en = buildChartFrame(def, data, 'en');
    expect(buildChartFrame(def, data, 'zh')).toBe(zh);
    forgetChartFrame(def, data, 'zh');
    const again = buildChartFrame(def, data, 'zh');
    expect(again).not.toBe(zh);
    expect(again).toEqual(zh);
    expect(buildChartFrame(def, data, 'en')).toBe(en);
  });
});
