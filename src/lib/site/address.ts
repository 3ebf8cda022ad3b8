/**
 * The site's public address is one setting: `address` in the committed site.config.json, which
 * the environment variable SITE_URL overrides (README, "Publishing"). astro.config.mjs, the
 * pages, the images and the release check all read it here.
 *
 * With no address the build is a preview: every page says so and carries noindex, links stay
 * relative, the embed code and copy-link buttons take the page's own address when JavaScript
 * runs and otherwise show a placeholder that says what to replace, and images carry the site's
 * name only. Where a format demands an absolute address (canonical, og:url, og:image, a data
 * package's homepage) the local preview address stands in, and the build warns once.
 * `npm run build:release` refuses to start without an address (scripts/build-release.ts).
 */
import siteConfig from '../../../site.config.json' with { type: 'json' };

export const PREVIEW_ORIGIN = 'http://localhost:4321';

/** where the committed setting lives, for messages */
export const SITE_CONFIG_FILE = 'site.config.json';

/** The address as a URL ending in "/", or an error naming where the value came from. */
export function parseAddress(raw: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${where}: "${raw}" is not an absolute address such as https://figures.newsroom.cn/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${where}: "${raw}" must start with https:// or http://`);
  if (url.search || url.hash) throw new Error(`${where}: "${raw}" must not carry a query or fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The committed setting's address, "" when it is empty. */
export function configuredAddress(config: unknown = siteConfig): string {
  if (typeof config !== 'object' || config === null || typeof (config as { address?: unknown }).address !== 'string')
    throw new Error(`${SITE_CONFIG_FILE}: address: must be a string ("" while the address is not known)`);
  return (config as { address: string }).address.trim();
}

/**
 * The public address as a URL ending in "/": SITE_URL when set, else site.config.json's
 * `address`, else undefined (a preview build). A malformed value stops the build.
 */
export function publicSite(env: Record<string, string | undefined> = process.env, config: unknown = siteConfig): URL | undefined {
  const fromEnv = env['SITE_URL']?.trim();
  if (fromEnv) return parseAddress(fromEnv, 'SITE_URL');
  const fromFile = configuredAddress(config);
  return fromFile ? parseAddress(fromFile, `${SITE_CONFIG_FILE}: address`) : undefined;
}

/** Whether this build is a preview: no public address is set. */
export function isPreview(env: Record<string, string | undefined> = process.env): boolean {
  return publicSite(env) === undefined;
}

/** The address for formats that demand an absolute one: the public address, or the local preview address. */
export function absoluteSite(env: Record<string, string | undefined> = process.env): URL {
  return publicSite(env) ?? new URL(`${PREVIEW_ORIGIN}/`);
}

let warned = false;
/** Says once per process that no address is set, and what that means for the build. */
export function warnIfNoSite(env: Record<string, string | undefined> = process.env, log: (s: string) => void = console.warn): void {
  if (warned || publicSite(env)) return;
  warned = true;
  log(
    `site address: none set (${SITE_CONFIG_FILE} "address", or SITE_URL). This is a PREVIEW build: every page says so and carries noindex; links stay relative; embed code and copy-link buttons use the reader's address; canonical, og:url, og:image and the data package's homepage use ${PREVIEW_ORIGIN}.`,
  );
}
