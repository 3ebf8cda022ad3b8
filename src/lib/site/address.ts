/**
 * The site's public address is one setting: the environment variable SITE_URL, read by
 * astro.config.mjs, the pages and the image script alike (README, "Publishing").
 *
 * Without it the build writes no made-up domain anywhere: links stay relative, the embed code
 * and copy-link buttons take the page's own address when JavaScript runs and otherwise show a
 * placeholder that says what to replace, and static images carry the site's name only. Where a
 * format demands an absolute address (canonical, og:url, og:image, a data package's homepage)
 * the local preview address stands in, and the build warns once.
 */
export const PREVIEW_ORIGIN = 'http://localhost:4321';

/** SITE_URL as a URL ending in "/", or undefined when it is not set. A malformed value stops the build. */
export function publicSite(env: Record<string, string | undefined> = process.env): URL | undefined {
  const raw = env['SITE_URL']?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL="${raw}" is not an absolute address such as https://figures.example.com/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL="${raw}" must start with https:// or http://`);
  if (url.search || url.hash) throw new Error(`SITE_URL="${raw}" must not carry a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The address for formats that demand an absolute one: SITE_URL, or the local preview address. */
export function absoluteSite(env: Record<string, string | undefined> = process.env): URL {
  return publicSite(env) ?? new URL(`${PREVIEW_ORIGIN}/`);
}

let warned = false;
/** Says once per process that SITE_URL is missing, and what that means for the build. */
export function warnIfNoSite(env: Record<string, string | undefined> = process.env, log: (s: string) => void = console.warn): void {
  if (warned || publicSite(env)) return;
  warned = true;
  log(
    `site address: SITE_URL is not set. Links stay relative; embed code and copy-link buttons use the reader's address; canonical, og:url, og:image and the data package's homepage use ${PREVIEW_ORIGIN}. Set SITE_URL=https://… to build for publishing.`,
  );
}
