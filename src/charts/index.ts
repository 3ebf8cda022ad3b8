/** Every chart on the site, in story order. */
import type { ChartDefinition } from '../lib/chart/types.ts';
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

/** A chart by id; an unknown id stops the build with its name. */
export function chartById(id: string): ChartDefinition {
  const def = CHARTS.find((c) => c.id === id);
  if (!def) throw new Error(`no chart with id "${id}"`);
  return def;
}
