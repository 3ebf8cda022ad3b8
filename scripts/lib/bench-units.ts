/** How the benchmark prints its figures (scripts/bench.ts, its Lighthouse runs and its scale runs). */

/** bytes as KB with one decimal */
export const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** milliseconds as seconds with two decimals */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
