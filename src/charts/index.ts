/** Every chart on the site, in story order. */
import type { ChartDefinition } from './types.ts';

export const CHARTS: ChartDefinition[] = [];
