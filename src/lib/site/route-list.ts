/**
 * The Astro integration that records, after each build, which pages each route made: for the
 * tests that open one page per template in a browser, from Astro's own route list rather than a
 * guess from folder names. Written beside the project's other build state (.astro/, not
 * published), keyed by the output folder, so a fixture site built elsewhere keeps its own list.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuiltRoutes {
  /** the output folder the list is of (absolute) */
  outDir: string;
  /** route (the template's file under src/pages/) → the pages it made, as URL paths ("/en/events/x/") */
  routes: Record<string, string[]>;
}

/** where the list of an output folder is kept */
export function routeListFile(root: string, outDir: string): string {
  const name = resolve(outDir).replace(/[^A-Za-z0-9]+/gu, '_');
  return join(root, '.astro', `built-routes${name}.json`);
}

/** the list the last build of `outDir` wrote; an error naming the build to run when there is none */
export function readRouteList(root: string, outDir: string): BuiltRoutes {
  const file = routeListFile(root, outDir);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site (npm run build) so that Astro writes its route list`);
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltRoutes;
}

interface HookOptions {
  dir: URL;
  assets: Map<string, URL[]>;
}

/** the pages of each route, as URL paths of HTML pages, read from astro:build:done's assets */
export function pagesByRoute({ dir, assets }: HookOptions): Record<string, string[]> {
  const out = fileURLToPath(dir);
  const routes: Record<string, string[]> = {};
  for (const [route, urls] of assets) {
    const pages = urls
      .map((u) => fileURLToPath(u))
      .filter((f) => f.endsWith('.html'))
      .map((f) => `/${f.slice(out.length).replace(/^\/+/u, '')}`.replace(/index\.html$/u, ''))
      .sort();
    if (pages.length > 0) routes[route] = pages;
  }
  return routes;
}

export function routeList() {
  let root = process.cwd();
  return {
    name: 'route-list',
    hooks: {
      'astro:config:done': ({ config }: { config: { root: URL } }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': (options: HookOptions) => {
        const list: BuiltRoutes = { outDir: resolve(fileURLToPath(options.dir)), routes: pagesByRoute(options) };
        mkdirSync(join(root, '.astro'), { recursive: true });
        writeFileSync(routeListFile(root, list.outDir), `${JSON.stringify(list, null, 1)}\n`);
      },
    },
  };
}
