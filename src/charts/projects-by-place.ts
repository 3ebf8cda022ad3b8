/**
 * What the districts reported about their projects. Each district counts something
 * different (projects "brought in" of 1亿元 and above, signed projects without a threshold,
 * projects of 20亿元 and above), so each is drawn to its own scale as a whole and its parts:
 * the figures say how a district's projects divide, not which district did more.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { Dataset, SiteFigure } from '../lib/data/site-figure.ts';
import {
  indicatorName,
  kindTags,
  periodLabel,
  pick,
  placeName,
  shortValue,
  shortValueTagged,
  tc,
  valueWithTags,
  valueWithUnit,
} from './kit/chart-kit.ts';
import { ledgerSpec, type LedgerBar, type LedgerGroup } from './kit/ledger.ts';
import { isBreakdown } from '../lib/data/site-figure.ts';

const ID = 'projects-by-place';

interface Part {
  indicator: string;
  breakdown: string;
  /** the figure giving this part's share of the whole, when there is one */
  share?: string;
  /** dictionary key of the label under charts.projects-by-place.part.*, or the indicator's name after 其中 */
  label?: string;
}
interface Whole {
  indicator: string;
  label?: string;
  parts: Part[];
}

const WHOLES: Whole[] = [
  {
    indicator: 'projects-introduced-1yi',
    parts: [
      { indicator: 'projects-introduced-50yi', breakdown: '' },
      { indicator: 'projects-introduced-1yi', breakdown: 'threshold:1yi-to-50yi', label: 'rest' },
    ],
  },
  {
    indicator: 'projects-signed',
    label: 'signedNoThreshold',
    parts: [
      { indicator: 'projects-signed', breakdown: 'chain:24-key-chains', share: 'projects-signed-share-total', label: 'keyChains' },
      { indicator: 'projects-signed', breakdown: 'chain:outside-24-key-chains', label: 'rest' },
    ],
  },
  {
    indicator: 'projects-introduced-20yi',
    parts: [{ indicator: 'projects-introduced-20yi-started', breakdown: '', share: 'projects-introduced-20yi-start-rate' }],
  },
];

const INDICATORS = new Set(WHOLES.flatMap((w) => [w.indicator, ...w.parts.flatMap((p) => [p.indicator, ...(p.share ? [p.share] : [])])]));

function isQingdaoDistrict(data: Dataset, geo: string): boolean {
  const p = data.places.get(geo);
  return p !== undefined && (p.kind === 'district' || p.kind === 'county-city') && p.parent === 'qingdao';
}

const sameYear = (a: SiteFigure, b: SiteFigure) => a.period_start === b.period_start;

export const projectsByPlace: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => INDICATORS.has(f.indicator) && f.status === 'actual' && isQingdaoDistrict(data, f.geo)),
  spec: (rows, cx) => {
    const groups: LedgerGroup[] = [];
    for (const whole of WHOLES) {
      for (const total of rows.filter((f) => f.indicator === whole.indicator && f.breakdown.length === 0)) {
        const items: LedgerBar[] = [
          {
            type: 'bar',
            label: whole.label ? tc(cx.lang, `${ID}.whole.${whole.label}`) : indicatorName(whole.indicator, cx),
            tags: kindTags(total, cx.lang),
            figure: total,
            value: total.value,
            valueLabel: shortValue(total, cx),
          },
        ];
        for (const part of whole.parts) {
          const f = rows.find(
            (r) => r.geo === total.geo && r.indicator === part.indicator && isBreakdown(r, part.breakdown) && sameYear(r, total),
          );
          if (!f) continue;
          const share = part.share
            ? rows.find((r) => r.geo === total.geo && r.indicator === part.share && isBreakdown(r, part.breakdown) && sameYear(r, total))
            : undefined;
          const label = part.label
            ? tc(cx.lang, `${ID}.part.${part.label}`)
            : tc(cx.lang, 'common.ofWhich', { name: indicatorName(part.indicator, cx) });
          items.push({
            type: 'bar',
            label,
            tags: kindTags(f, cx.lang),
            figure: f,
            value: f.value,
            valueLabel: share
              ? tc(cx.lang, 'common.valueShare', { value: shortValue(f, cx), share: shortValueTagged(share, cx, f.derived) })
              : shortValue(f, cx),
            indent: true,
          });
        }
        groups.push({
          title: tc(cx.lang, 'common.placePeriod', { place: placeName(total.geo, cx), period: periodLabel(total, cx.lang) }),
          items,
        });
      }
    }
    return ledgerSpec({ ...cx, groups });
  },
  title: (rows, cx) => {
    const share = rows.find((f) => f.indicator === 'projects-signed-share-total' && isBreakdown(f, 'chain:24-key-chains'));
    if (!share) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      place: placeName(share.geo, cx),
      period: periodLabel(share, cx.lang),
      share: valueWithUnit(share, cx),
    });
  },
  describe: (rows, cx) => {
    const total = rows.find((f) => f.indicator === 'projects-signed' && f.breakdown.length === 0);
    const part =
      total &&
      rows.find(
        (f) => f.geo === total.geo && f.indicator === 'projects-signed' && isBreakdown(f, 'chain:24-key-chains') && sameYear(f, total),
      );
    const share =
      total &&
      rows.find(
        (f) =>
          f.geo === total.geo &&
          f.indicator === 'projects-signed-share-total' &&
          isBreakdown(f, 'chain:24-key-chains') &&
          sameYear(f, total),
      );
    if (!total || !part || !share) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      place: placeName(total.geo, cx),
      period: periodLabel(total, cx.lang),
      total: valueWithTags(total, cx),
      part: valueWithTags(part, cx),
      share: valueWithTags(share, cx),
    });
  },
};
