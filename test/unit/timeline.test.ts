import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  compareByDate,
  datetimeAttribute,
  eventSourceKind,
  eventTier,
  figuresFromSources,
  findGaps,
  groupByIndicator,
  groupByYear,
  mainEventIds,
  positionInYear,
  unstatedParts,
  type DatedEvent,
} from '../../src/lib/timeline/placing.ts';
import { overviewSvg, type OverviewYear } from '../../src/lib/timeline/overview-svg.ts';

const ev = (id: string, year: string, month = '', day = ''): DatedEvent => ({ id, year, month, day });
const span = { first: 2020, last: 2025 };

describe('groupByYear', () => {
  const events = [
    ev('late-2024', '2024', '5', '15'),
    ev('early-2024', '2024', '2', '28'),
    ev('year-only-2024', '2024'),
    ev('day-no-month-2025', '2025', '', '26'),
    ev('month-only-2023', '2023', '10'),
    ev('day-2023', '2023', '10', '3'),
    ev('bg-1984', '1984'),
    ev('bg-2014', '2014'),
    ev('after-span', '2027', '1', '1'),
    ev('no-year', '', '3', '17'),
    ev('jan-2020', '2020', '1', '12'),
  ];
  const tl = groupByYear(events, span);

  it('makes one group per year of the span, in order', () => {
    expect(tl.years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('orders dated events by month and day within a year', () => {
    const y2024 = tl.years.find((y) => y.year === 2024);
    expect(y2024?.dated.map((e) => e.id)).toEqual(['early-2024', 'late-2024']);
    // a month without a day comes before the days of that month
    expect(tl.years.find((y) => y.year === 2023)?.dated.map((e) => e.id)).toEqual(['month-only-2023', 'day-2023']);
  });

  it('keeps events without a month off the month axis, including a day without its month', () => {
    expect(tl.years.find((y) => y.year === 2024)?.monthUnstated.map((e) => e.id)).toEqual(['year-only-2024']);
    const y2025 = tl.years.find((y) => y.year === 2025);
    expect(y2025?.dated).toEqual([]);
    expect(y2025?.monthUnstated.map((e) => e.id)).toEqual(['day-no-month-2025']);
  });

  it('marks years without any event as empty and does not fill them', () => {
    expect(tl.years.filter((y) => y.empty).map((y) => y.year)).toEqual([2021, 2022]);
    for (const y of tl.years.filter((g) => g.empty)) {
      expect(y.dated).toEqual([]);
      expect(y.monthUnstated).toEqual([]);
    }
  });

  it('sends events outside the span to background, in date order, and year-less events to their own list', () => {
    expect(tl.background.map((e) => e.id)).toEqual(['bg-1984', 'bg-2014', 'after-span']);
    expect(tl.yearUnstated.map((e) => e.id)).toEqual(['no-year']);
  });

  it('places every event exactly once', () => {
    const placed = [...tl.years.flatMap((y) => [...y.dated, ...y.monthUnstated]), ...tl.background, ...tl.yearUnstated].map((e) => e.id);
    expect(placed.sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('keeps the file order of events on the same date', () => {
    const same = groupByYear([ev('b', '2024', '2', '28'), ev('a', '2024', '2', '28')], span);
    expect(same.years.find((y) => y.year === 2024)?.dated.map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('rejects a span that ends before it starts', () => {
    expect(() => groupByYear([], { first: 2025, last: 2020 })).toThrow(/span/u);
  });
});

describe('findGaps', () => {
  const years = (empty: number[]) => [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, empty: empty.includes(year) }));

  it('joins consecutive empty years into one gap', () => {
    expect(findGaps(years([2021, 2022]))).toEqual([{ from: 2021, to: 2022 }]);
  });

  it('keeps separate gaps apart', () => {
    expect(findGaps(years([2020, 2022, 2023, 2025]))).toEqual([
      { from: 2020, to: 2020 },
      { from: 2022, to: 2023 },
      { from: 2025, to: 2025 },
    ]);
  });

  it('finds no gap when every year has an event', () => {
    expect(findGaps(years([]))).toEqual([]);
  });
});

describe('major and minor events', () => {
  const sources = [{ event: ['ev-a', 'ev-b'] }, { event: [] }, { event: ['ev-c'] }];
  const main = mainEventIds(sources);

  it('reads the events articles are about from sources.csv', () => {
    expect([...main].sort()).toEqual(['ev-a', 'ev-b', 'ev-c']);
  });

  it('makes a gathering an article is about major, and nothing else', () => {
    expect(eventTier({ id: 'ev-a', kind: 'conference' }, main)).toBe('major');
    expect(eventTier({ id: 'ev-c', kind: 'summit' }, main)).toBe('major');
    // the subject of an article, but a report, not a gathering
    expect(eventTier({ id: 'ev-b', kind: 'report' }, main)).toBe('minor');
    // a conference mentioned only in passing
    expect(eventTier({ id: 'ev-z', kind: 'conference' }, main)).toBe('minor');
  });
});

describe('eventSourceKind', () => {
  const sources = new Map([
    ['p', { kind: 'primary' as const }],
    ['s', { kind: 'secondary' as const }],
    ['s2', { kind: 'secondary' as const }],
  ]);
  it('tells events known only from secondary sources', () => {
    expect(eventSourceKind({ id: 'e', source: ['s', 's2'] }, sources)).toBe('secondary');
    expect(eventSourceKind({ id: 'e', source: ['p'] }, sources)).toBe('primary');
    expect(eventSourceKind({ id: 'e', source: ['p', 's'] }, sources)).toBe('mixed');
  });
  it('names the event and the source when a source is unknown', () => {
    expect(() => eventSourceKind({ id: 'ev-x', source: ['nope'] }, sources)).toThrow(/ev-x.*nope/u);
  });
});

describe('dates as precise as the source', () => {
  it('lists the unstated parts', () => {
    expect(unstatedParts({ year: '2025', month: '', day: '26' })).toEqual(['month']);
    expect(unstatedParts({ year: '2020', month: '', day: '' })).toEqual(['month', 'day']);
    expect(unstatedParts({ year: '2024', month: '2', day: '28' })).toEqual([]);
  });

  it('gives <time datetime> only the stated precision, never a guessed month', () => {
    expect(datetimeAttribute({ year: '2024', month: '2', day: '28' })).toBe('2024-02-28');
    expect(datetimeAttribute({ year: '2023', month: '10', day: '' })).toBe('2023-10');
    expect(datetimeAttribute({ year: '2025', month: '', day: '26' })).toBe('2025');
    expect(datetimeAttribute({ year: '', month: '3', day: '17' })).toBeUndefined();
  });

  it('positions only events with a month on the axis', () => {
    expect(positionInYear({ month: '', day: '26' })).toBeUndefined();
    expect(positionInYear({ month: '1', day: '1' })).toBeGreaterThan(0);
    expect(positionInYear({ month: '12', day: '31' })).toBeLessThan(1);
    expect(positionInYear({ month: '6', day: '' })).toBeCloseTo(5.5 / 12);
  });

  it('compares by year, month and day', () => {
    expect(compareByDate(ev('a', '2023', '2', '20'), ev('b', '2023', '10'))).toBeLessThan(0);
    expect(compareByDate(ev('a', '1994'), ev('b', '1984'))).toBeGreaterThan(0);
  });
});

describe('figures of an event', () => {
  const figures = [
    { id: 'f1', indicator: 'fdi', sources: ['art-a'] },
    { id: 'f2', indicator: 'trade', sources: ['art-b'] },
    { id: 'f3', indicator: 'fdi', sources: ['art-a'] },
    { id: 'd1', indicator: 'fdi', sources: ['art-b', 'art-c'] },
    { id: 'f4', indicator: 'talent', sources: ['art-c'] },
  ];

  it('takes figures whose source is one of the event sources, derived ones through any input source', () => {
    expect(figuresFromSources(['art-a', 'art-b'], figures).map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'd1']);
    expect(figuresFromSources(['art-c'], figures).map((f) => f.id)).toEqual(['d1', 'f4']);
    expect(figuresFromSources(['art-z'], figures)).toEqual([]);
  });

  it('groups by indicator in order of first appearance', () => {
    expect(groupByIndicator(figures).map((g) => [g.indicator, g.figures.map((f) => f.id)])).toEqual([
      ['fdi', ['f1', 'f3', 'd1']],
      ['trade', ['f2']],
      ['talent', ['f4']],
    ]);
  });
});

describe('overviewSvg', () => {
  const year = (y: number, over: Partial<OverviewYear> = {}): OverviewYear => ({
    year: y,
    label: `${y}`,
    empty: false,
    dated: [],
    monthUnstatedCount: '0',
    hasMonthUnstated: false,
    ...over,
  });
  const years = [
    year(2020, { dated: [{ position: 0.4, tier: 'minor', sourceKind: 'primary' }], monthUnstatedCount: '13', hasMonthUnstated: true }),
    year(2021, { empty: true }),
    year(2022, {
      dated: [
        { position: 0.5, tier: 'major', sourceKind: 'secondary' },
        { position: 0.5, tier: 'minor', sourceKind: 'secondary' },
      ],
    }),
  ];
  const svg = overviewSvg(years, 340, { gap: '无来源' }, 'test');
  const { document } = parseHTML(`<div>${svg}</div>`);

  it('hatches and labels an empty year and draws no marker in it', () => {
    const gap = document.querySelector('g[data-year="2021"]');
    expect(gap?.getAttribute('class')).toContain('empty');
    expect(gap?.querySelector('rect')?.getAttribute('fill')).toBe('url(#test-hatch)');
    expect(gap?.textContent).toContain('无来源');
    expect(gap?.querySelectorAll('.tl-mark').length).toBe(0);
  });

  it('counts month-unstated events in a band instead of placing them', () => {
    const y2020 = document.querySelector('g[data-year="2020"]');
    expect(y2020?.querySelectorAll('.tl-mark').length).toBe(1);
    expect(y2020?.textContent).toContain('13');
  });

  it('draws majors as diamonds, minors as circles, and stacks markers on the same spot', () => {
    const y2022 = document.querySelector('g[data-year="2022"]');
    const major = y2022?.querySelector('path.tl-mark.major');
    const minor = y2022?.querySelector('circle.tl-mark.minor');
    expect(major).toBeTruthy();
    expect(minor).toBeTruthy();
    // secondary-only events are hollow: the difference is not carried by colour alone
    expect(minor?.getAttribute('fill')).toBe('var(--bg)');
    const majorY = Number(/,(\d+(?:\.\d+)?)Z$/u.exec(major?.getAttribute('d') ?? '')?.[1] ?? 'NaN');
    const minorY = Number(minor?.getAttribute('cy'));
    expect(majorY).not.toBeCloseTo(minorY);
  });
});
