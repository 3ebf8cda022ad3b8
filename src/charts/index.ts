/** Every chart on the site, in story order. */
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { Dataset } from '../lib/data/site-figure.ts';
import { seriesCharts } from './series.ts';
import { fdiActualPeriods } from './fdi-actual-periods.ts';
import { fdiActualShares } from './fdi-actual-shares.ts';
import { tradeGrowth } from './trade-growth.ts';
import { tradeTotals } from './trade-totals.ts';
import { projectsSignedThresholds } from './projects-signed-thresholds.ts';
import { projectsSignedInvestment } from './projects-signed-investment.ts';
import { projectsByPlace } from './projects-by-place.ts';
import { projectsIndustryGroups } from './projects-industry-groups.ts';
import { projectsOrigin } from './projects-origin.ts';
import { targetsVsReported } from './targets-vs-reported.ts';

export const CHARTS: ChartDefinition[] = [
  fdiActualPeriods,
  fdiActualShares,
  tradeGrowth,
  tradeTotals,
  projectsSignedThresholds,
  projectsSignedInvestment,
  projectsByPlace,
  projectsIndustryGroups,
  projectsOrigin,
  targetsVsReported,
];

/**
 * The story's charts, then one chart per series with two or more periods (src/charts/series.ts):
 * every chart that has a page, an embed, images and a CSV.
 */
export function allCharts(data: Pick<Dataset, 'figures' | 'indicators'>): ChartDefinition[] {
  return [...CHARTS, ...seriesCharts(data)];
}

/** A chart by id (a series' chart too, given the data); an unknown id stops the build with its name. */
export function chartById(id: string, data?: Pick<Dataset, 'figures' | 'indicators'>): ChartDefinition {
  const def = (data ? allCharts(data) : CHARTS).find((c) => c.id === id);
  if (!def) throw new Error(`no chart with id "${id}"`);
  return def;
}
