/**
 * What a release build may not contain: the local preview address, the address placeholder an
 * editor would have to replace, or any domain but the configured one, except the hosts of the
 * links the data cites and the few standards and licence addresses formats name. Every text
 * file of the built site is read (binary files, PNG and the like, carry no addresses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** file extensions whose files are read as text */
const TEXT = /\.(html|xml|json|csv|txt|js|mjs|css|svg|webmanifest|md|tsv|ya?ml)$|(^|\/)_headers$|(^|\/)_redirects$/u;

/**
 * Hosts that are not the site's and not a source, but that formats themselves name: XML
 * namespaces (www.w3.org), the data's licence (creativecommons.org).
 */
export const STANDARD_HOSTS: readonly string[] = ['www.w3.org', 'creativecommons.org'];

export interface ScanRule {
  /** the configured public address */
  site: URL;
  /** words that stand for the address in a preview build (【本站网址】, [site address]) */
  placeholders: readonly string[];
  /** hosts of the links the data cites */
  citedHosts: ReadonlySet<string>;
}

export interface Finding {
  /** file:line: problem */
  message: string;
}

// a host may be written as a regular expression (figures\\.example\\.cn): its backslashes are dropped
const URL_RE = /\b(?:https?|wss?|ftp):\/\/([^/\s"'<>)\]`&,;$]+)/giu;

/** The hosts of every address in `text`. */
export function hostsIn(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) =>
    (m[1] ?? '')
      .toLowerCase()
      .replaceAll('\\', '')
      .replace(/:\d+$/u, '')
      .replace(/^[^@]*@/u, ''),
  );
}

/**
 * A host that cannot be anyone's domain: one without a dot (a placeholder such as SITE in a
 * comment) or under .invalid, which RFC 6761 reserves never to resolve (a base for parsing
 * relative paths in client code).
 */
function isNoDomain(host: string): boolean {
  return !host.includes('.') || host.endsWith('.invalid');
}

/**
 * Pagefind's script parses a result's relative address against a fixed base it never requests
 * (`new URL(`https://example.com${path}`)`); that exact construction, in the search bundle the
 * build writes to pagefind/, is not an address the site publishes. Anything else there is scanned.
 */
const PARSE_ONLY_BASE = /new URL\(`https:\/\/example\.com\$\{/gu;
const isSearchBundle = (path: string) => /(^|\/)pagefind\/[^/]+\.js$/u.test(path);

/** Problems of one file's text, each with its line. */
export function scanText(path: string, text: string, rule: ScanRule): Finding[] {
  const out: Finding[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const at = `${path}:${i + 1}`;
    const line = isSearchBundle(path) ? raw.replace(PARSE_ONLY_BASE, 'new URL(`${') : raw;
    if (/localhost|127\.0\.0\.1/iu.test(line))
      out.push({ message: `${at}: names the local preview address (${/localhost[^\s"'<]*|127\.0\.0\.1[^\s"'<]*/iu.exec(line)?.[0]})` });
    for (const p of rule.placeholders) if (line.includes(p)) out.push({ message: `${at}: holds the address placeholder ${p}` });
    for (const host of new Set(hostsIn(line))) {
      if (host === rule.site.hostname || host === 'localhost' || isNoDomain(host)) continue;
      if (rule.citedHosts.has(host) || STANDARD_HOSTS.includes(host)) continue;
      out.push({ message: `${at}: names ${host}, which is neither the site (${rule.site.hostname}) nor a host the data cites` });
    }
  });
  return out;
}

/** Every text file under `dir`, scanned; paths in messages are relative to `dir`'s parent name. */
export function scanRelease(dir: string, rule: ScanRule, label = 'dist'): Finding[] {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return files.flatMap((file) => {
    const rel = relative(dir, file);
    if (!TEXT.test(rel)) return [];
    return scanText(`${label}/${rel}`, readFileSync(file, 'utf8'), rule);
  });
}

/** Hosts of every address in the data's tables (the *.csv files directly in `dataDir`). */
export function citedHosts(dataDir: string): Set<string> {
  const hosts = new Set<string>();
  for (const e of readdirSync(dataDir, { withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.csv')) continue;
    for (const h of hostsIn(readFileSync(join(dataDir, e.name), 'utf8'))) hosts.add(h);
  }
  return hosts;
}
