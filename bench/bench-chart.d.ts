/**
 * `bench:chart`, the module scripts/bench.ts's esbuild plugin makes for the comparison page: the
 * definition of the chart being measured, found in its spec file under src/charts/.
 */
declare module 'bench:chart' {
  import type { ChartDefinition } from '../src/lib/chart/types.ts';
  export const chart: ChartDefinition;
}
