/**
 * The Astro integration that writes dist/_headers after the build, from the policy Astro put
 * into each page's `<meta http-equiv="content-security-policy">` (see security-policy.ts).
 * A page without that tag stops the build: the header would otherwise promise a policy the
 * page does not carry when served by a host that ignores `_headers`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerPolicy, headersFile } from './security-policy.ts';

/** The content of the page's CSP meta tag, undefined when it has none. */
export function metaCsp(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/giu) ?? []) {
    if (!/\bhttp-equiv\s*=\s*["']?content-security-policy["'\s>]/iu.test(tag)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"/iu.exec(tag) ?? /\bcontent\s*=\s*'([^']*)'/iu.exec(tag);
    return content?.[1]
      ?.replace(/&#39;|&apos;/gu, "'")
      .replace(/&quot;/gu, '"')
      .replace(/&amp;/gu, '&');
  }
  return undefined;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function writeSecurityHeaders(distDir: string): string {
  const pages = htmlFiles(distDir).map((file) => {
    const path = relative(distDir, file);
    const csp = metaCsp(readFileSync(file, 'utf8'));
    if (!csp)
      throw new Error(
        `security headers: dist/${path} has no <meta http-equiv="content-security-policy">; is security.csp still on in astro.config.mjs?`,
      );
    return { path, csp };
  });
  const text = headersFile(headerPolicy(pages));
  writeFileSync(join(distDir, '_headers'), text);
  return text;
}

export function securityHeaders() {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(m: string): void } }) => {
        const text = writeSecurityHeaders(fileURLToPath(dir));
        logger.info(`_headers written (${text.length} bytes)`);
      },
    },
  };
}
