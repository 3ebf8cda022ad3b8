/**
 * Where a page lives in each language. The Chinese edition is the site root and the English
 * edition mirrors it under /en/ with the same paths below that, so the language switch and the
 * hreflang alternates only swap the prefix. Every page route sits under src/pages/[...lang]/,
 * one template for both languages; `lang` is undefined for Chinese (the root) and 'en' for English.
 */
import { LANGS, type Lang } from './index.ts';

const PREFIX: Record<Lang, string> = { zh: '', en: 'en/' };

const base = (): string => import.meta.env?.BASE_URL ?? '/';

/** The route parameter of a language: undefined puts the page at the root. */
export function langParam(lang: Lang): string | undefined {
  return lang === 'zh' ? undefined : lang;
}

/** The language a route parameter names. Anything else is a routing fault, not a page. */
export function langOfParam(param: string | undefined): Lang {
  if (param === undefined || param === '') return 'zh';
  if (param === 'en') return 'en';
  throw new Error(`route: "${param}" is not a language of this site (expected no prefix or "en")`);
}

/** getStaticPaths for a page with no other parameter: one page per language. */
export function langPaths(): { params: { lang: string | undefined } }[] {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) } }));
}

/** getStaticPaths for a page with more parameters: each entry once per language. */
export function inEveryLang<P extends Record<string, string | undefined>, Props = undefined>(
  entries: readonly { params: P; props?: Props }[],
): { params: P & { lang: string | undefined }; props: (Props & { lang: Lang }) | { lang: Lang } }[] {
  return LANGS.flatMap((lang) =>
    entries.map((e) => ({ params: { ...e.params, lang: langParam(lang) }, props: { ...(e.props ?? {}), lang } })),
  );
}

/**
 * A page's address in a language, with the site's base: href('en', 'charts/x/') → /en/charts/x/.
 * `path` is relative to the edition's root (no leading slash), as chartPaths and the rest give it.
 */
export function href(lang: Lang, path = ''): string {
  if (path.startsWith('/')) throw new Error(`href: "${path}" must be relative to the edition's root (no leading slash)`);
  return `${base()}${PREFIX[lang]}${path}`;
}

/** A path relative to the edition's root, as the site root sees it: en/charts/x/ for English. */
export function editionPath(lang: Lang, path = ''): string {
  return `${PREFIX[lang]}${path}`;
}

/**
 * The same place in the other edition. `pathname` is the page's own address (Astro.url.pathname,
 * base included); the hash and query are the caller's to carry over.
 */
export function twinPathname(pathname: string, to: Lang): string {
  const b = base();
  if (!pathname.startsWith(b)) throw new Error(`twinPathname: "${pathname}" is outside the site base "${b}"`);
  const rest = pathname.slice(b.length);
  const p = PREFIX[langOfSitePath(rest)];
  return `${b}${PREFIX[to]}${rest.slice(Math.min(p.length, rest.length))}`;
}

/** The edition whose prefix a path relative to the site root starts with (the root edition otherwise). */
export function langOfSitePath(rest: string): Lang {
  const prefixed = LANGS.find((lang) => PREFIX[lang] !== '' && (rest === PREFIX[lang].slice(0, -1) || rest.startsWith(PREFIX[lang])));
  return prefixed ?? (LANGS.find((lang) => PREFIX[lang] === '') as Lang);
}

/** The language of a page from its address (base included). */
export function langOfPathname(pathname: string): Lang {
  return langOfSitePath(pathname.slice(base().length));
}
