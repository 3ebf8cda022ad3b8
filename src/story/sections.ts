/**
 * The story page's sections: headline, paragraphs (dictionary templates filled with figures
 * looked up by id) and the charts that go with them, in reading order.
 */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { exactCount, fig, indicatorOf, period, placeOf } from './figures.ts';
import { namedWithoutCounts } from './named-without-counts.ts';

/** The sentence naming the chains with the most signed projects, without counts. */
function chainsNamed(lang: Lang): string {
  const [n] = namedWithoutCounts('projects-signed-1yi');
  if (!n) throw new Error('story: no named-without-counts sentence for projects-signed-1yi');
  return lang === 'zh' ? n.quote : n.quote_en;
}

export interface StorySection {
  id: string;
  title: string;
  paragraphs: string[];
  charts: string[];
  /** where the section's question has two sides, its charts are views a reader switches between */
  views?: StoryViews;
}

/**
 * Two (or more) charts of one section shown one at a time, chosen by a radio group; the
 * choice is kept in the URL as `?<param>=<value>`. The first view is the one in reading
 * order; without JavaScript every view is shown, stacked.
 */
export interface StoryViews {
  param: string;
  legend: string;
  options: { value: string; chart: string; label: string }[];
}

type Params = Record<string, string>;

function section(lang: Lang, id: string, paragraphs: Params[], charts: string[], views?: Record<string, string>): StorySection {
  return {
    id,
    title: t(lang, `story.${id}.title` as MessageKey),
    paragraphs: paragraphs.map((params, i) => t(lang, `story.${id}.p${i + 1}` as MessageKey, params)),
    charts,
    ...(views && {
      views: {
        param: id,
        legend: t(lang, `story.${id}.views` as MessageKey),
        // value → chart, in the order of `charts`
        options: charts.map((chart) => {
          const value = Object.keys(views).find((k) => views[k] === chart);
          if (!value) throw new Error(`story section ${id}: chart ${chart} has no view name`);
          return { value, chart, label: t(lang, `story.${id}.view.${value}` as MessageKey) };
        }),
      },
    }),
  };
}

export function storySections(lang: Lang): StorySection[] {
  const v = (id: string) => fig(id, lang);
  const p = (id: string) => period(id, lang);
  const name = (id: string) => indicatorOf(id, lang);
  const place = (id: string) => placeOf(id, lang);

  return [
    section(
      lang,
      'fdi',
      [
        {
          h1Period: p('fdi-actual-2020h1-2020h1'),
          h1Value: v('fdi-actual-2020h1-2020h1'),
          h1Prov: v('fdi-actual-share-province-2020h1-2020h1'),
          h1Country: v('fdi-actual-share-country-2020h1-2020h1'),
          fullPeriod: p('fdi-actual-2023-2024c'),
          fullValue: v('fdi-actual-2023-2024c'),
          fullProv: v('fdi-actual-share-province-2023-2024c'),
          m4Period: p('fdi-actual-share-province-2021m1-4-gjsb'),
          m4Prov: v('fdi-actual-share-province-2021m1-4-gjsb'),
          provH1: v('fdi-actual-2020h1-shandong-2020h1'),
          provFull: v('fdi-actual-2023-shandong-2024c'),
        },
        {
          m4Period: p('fdi-actual-2021m1-4-gjsb'),
          m4Value: v('fdi-actual-2021m1-4-gjsb'),
          m5Period: p('fdi-actual-2021m1-5-qdrb21'),
          m5Value: v('fdi-actual-2021m1-5-qdrb21'),
        },
      ],
      // the share leads: it is the headline's series
      ['fdi-actual-shares', 'fdi-actual-periods'],
      { amount: 'fdi-actual-periods', share: 'fdi-actual-shares' },
    ),
    section(
      lang,
      'trade',
      [
        {
          period: p('trade-total-yoy-2023-2024c'),
          city: v('trade-total-yoy-2023-2024c'),
          gapCountry: v('trade-total-yoy-gap-vs-country-2023-2024c'),
          gapProvince: v('trade-total-yoy-gap-vs-province-2023-2024c'),
          country: v('trade-total-yoy-2023-china-2024c'),
          province: v('trade-total-yoy-2023-shandong-2024c'),
        },
        {
          hd: place('trade-total-2023-huangdao-2024c'),
          period: p('trade-total-2023-huangdao-2024c'),
          hdTotal: v('trade-total-2023-huangdao-2024c'),
          hdYoy: v('trade-total-yoy-2023-huangdao-2024c'),
          jz: place('trade-total-2023-jiaozhou-2024c'),
          jzTotal: v('trade-total-2023-jiaozhou-2024c'),
          jzYoy: v('trade-total-yoy-2023-jiaozhou-2024c'),
          hdPrev: v('trade-total-2022-huangdao-2024c'),
          jzPrev: v('trade-total-2022-jiaozhou-2024c'),
        },
        {
          p20: p('trade-total-2020-hkcd'),
          t20: v('trade-total-2020-hkcd'),
          p21: p('trade-total-2021-guanhai'),
          t21: v('trade-total-2021-guanhai'),
          p22: p('trade-total-2022-yiyuan-cd22'),
          t22: v('trade-total-2022-yiyuan-cd22'),
          g21: v('trade-total-yoy-2021-guanhai'),
          p22h1: p('trade-total-yoy-2022h1-e23'),
          g22h1: v('trade-total-yoy-2022h1-e23'),
        },
      ],
      ['trade-growth', 'trade-totals'],
      { growth: 'trade-growth', totals: 'trade-totals' },
    ),
    section(
      lang,
      'projects',
      [
        {
          i1: name('projects-signed-1yi-2024-2025m'),
          i5: name('projects-signed-5yi-2023-2024c'),
          i30: name('projects-signed-30yi-2024q1-2024q1f'),
          i50: name('projects-signed-50yi-2023-2024c'),
        },
        {
          p20h1: p('projects-signed-5yi-2020h1-2020h1'),
          i5: name('projects-signed-5yi-2020h1-2020h1'),
          v20h1: v('projects-signed-5yi-2020h1-2020h1'),
          inv20h1: v('projects-signed-5yi-investment-2020h1-2020h1'),
          p23: p('projects-signed-5yi-2023-2024c'),
          v23: v('projects-signed-5yi-2023-2024c'),
          inv23: v('projects-signed-5yi-investment-2023-2024c'),
          i1: name('projects-signed-1yi-2024-2025m'),
          p24q1: p('projects-signed-1yi-2024q1-2024q1f'),
          v24q1: v('projects-signed-1yi-2024q1-2024q1f'),
          p24: p('projects-signed-1yi-2024-2025m'),
          v24: v('projects-signed-1yi-2024-2025m'),
          inv24: v('projects-signed-1yi-investment-2024-2025m'),
        },
        {
          p24q1: p('projects-signed-1yi-share-year-2024q1-2025m'),
          share: v('projects-signed-1yi-share-year-2024q1-2025m'),
          invShare: v('projects-signed-1yi-investment-share-year-2024q1-2025m'),
          avgQ1: v('projects-signed-1yi-investment-average-2024q1-2024q1f'),
          avgYear: v('projects-signed-1yi-investment-average-2024-2025m'),
        },
        {
          i50: name('projects-signed-50yi-2022-2023c'),
          p22: p('projects-signed-50yi-2022-2023c'),
          v22: v('projects-signed-50yi-2022-2023c'),
          prevPeriod: p('projects-signed-50yi-2020-2021-2023c'),
          prev: v('projects-signed-50yi-2020-2021-2023c'),
          p23: p('projects-signed-50yi-2023-2024c'),
          v23: v('projects-signed-50yi-2023-2024c'),
        },
      ],
      ['projects-signed-thresholds', 'projects-signed-investment'],
      { count: 'projects-signed-thresholds', investment: 'projects-signed-investment' },
    ),
    section(
      lang,
      'places',
      [
        {
          hd: place('projects-introduced-1yi-2023-huangdao-2024c'),
          p23: p('projects-introduced-1yi-2023-huangdao-2024c'),
          hdName: name('projects-introduced-1yi-2023-huangdao-2024c'),
          hdTotal: v('projects-introduced-1yi-2023-huangdao-2024c'),
          hdBigName: name('projects-introduced-50yi-2023-huangdao-2024c'),
          hdBig: v('projects-introduced-50yi-2023-huangdao-2024c'),
          jz: place('projects-signed-2023-jiaozhou-2024c'),
          jzTotal: v('projects-signed-2023-jiaozhou-2024c'),
          jzChain: v('projects-signed-2023-jiaozhou-24-key-chains-2024c'),
          jzShare: v('projects-signed-share-total-2023-jiaozhou-24-key-chains-2024c'),
          cy: place('projects-introduced-20yi-2023-chengyang-2024c'),
          cyName: name('projects-introduced-20yi-2023-chengyang-2024c'),
          cyTotal: v('projects-introduced-20yi-2023-chengyang-2024c'),
          cyStarted: v('projects-introduced-20yi-started-2023-chengyang-2024c'),
        },
        {
          q1: p('projects-signed-1yi-2024q1-2024q1f'),
          total: v('projects-signed-1yi-2024q1-2024q1f'),
          emerging: v('projects-signed-1yi-2024q1-emerging-industries-2024q1f'),
          emergingShare: v('projects-signed-1yi-share-total-2024q1-emerging-industries-2024q1f'),
          services: v('projects-signed-1yi-2024q1-modern-services-2024q1f'),
          servicesShare: v('projects-signed-1yi-share-total-2024q1-modern-services-2024q1f'),
          advantage: v('projects-signed-1yi-2024q1-advantage-industries-2024q1f'),
          advantageShare: v('projects-signed-1yi-share-total-2024q1-advantage-industries-2024q1f'),
          rest: v('projects-signed-1yi-2024q1-outside-three-groups-2024q1f'),
          restShare: v('projects-signed-1yi-share-total-2024q1-outside-three-groups-2024q1f'),
        },
        {
          q1: p('projects-signed-1yi-2024q1-2024q1f'),
          quote: chainsNamed(lang),
        },
      ],
      ['projects-by-place', 'projects-industry-groups'],
    ),
    section(
      lang,
      'origin',
      [
        {
          q1: p('projects-signed-1yi-2024q1-2024q1f'),
          total: v('projects-signed-1yi-2024q1-2024q1f'),
          domestic: v('projects-signed-1yi-2024q1-domestic-2024q1f'),
          domesticShare: v('projects-signed-1yi-share-total-2024q1-domestic-2024q1f'),
          other: v('projects-signed-1yi-2024q1-other-provinces-2024q1f'),
          otherShare: v('projects-signed-1yi-share-total-2024q1-other-provinces-2024q1f'),
        },
        {
          regions: v('projects-signed-1yi-share-total-2024q1-jingjinji-yrd-gba-2024q1f'),
          foreign: v('projects-signed-1yi-2024q1-non-domestic-2024q1f'),
          foreignShare: v('projects-signed-1yi-share-total-2024q1-non-domestic-2024q1f'),
        },
      ],
      ['projects-origin'],
    ),
    section(
      lang,
      'targets',
      [
        {
          y23: p('projects-signed-5yi-2023-24-key-chains-target-2023c'),
          tName: name('projects-signed-5yi-2023-24-key-chains-target-2023c'),
          target23: v('projects-signed-5yi-2023-24-key-chains-target-2023c'),
          p23: p('projects-signed-5yi-2023-2024c'),
          aName: name('projects-signed-5yi-2023-2024c'),
          actual23: v('projects-signed-5yi-2023-2024c'),
          // a floor of 150 asks for 150 of the 151: the number without its 以上
          targetMin: exactCount('projects-signed-5yi-2023-24-key-chains-target-2023c', lang),
        },
        {
          p24: p('projects-landed-1yi-2024-target-2024c'),
          landedName: name('projects-landed-1yi-2024-target-2024c'),
          target24: v('projects-landed-1yi-2024-target-2024c'),
          signedName: name('projects-signed-1yi-2024-2025m'),
          signed24: v('projects-signed-1yi-2024-2025m'),
          p20h1: p('projects-signed-5yi-2020h1-2020h1'),
          i5: name('projects-signed-5yi-2020h1-2020h1'),
          signed20: v('projects-signed-5yi-2020h1-2020h1'),
          registered20: v('projects-signed-5yi-registered-2020h1-2020h1'),
          rate20: v('projects-signed-5yi-registered-share-signed-2020h1-2020h1'),
          p22: p('projects-signed-50yi-2022-2023c'),
          i50: name('projects-signed-50yi-2022-2023c'),
          signed22: v('projects-signed-50yi-2022-2023c'),
          landed22: v('projects-landed-50yi-2022-2023c'),
        },
      ],
      ['targets-vs-reported'],
    ),
  ];
}
