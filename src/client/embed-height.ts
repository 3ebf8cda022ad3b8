/**
 * The embed's half of the height protocol, plus its two URL parameters.
 *
 * The embed runs in `<iframe sandbox="allow-scripts">` (opaque origin: no storage, no access
 * to the parent), so it cannot know who frames it. It therefore posts to `window.parent` with
 * target "*", and posts nothing but its own height, on load and whenever its width or content
 * changes (a ResizeObserver on <html>: the iframe narrowing, the data table opening):
 *
 * - pym.js: `pymxPYMx<childId>xPYMxheightxPYMx<px>`, when the URL carries ?childId= (pym.Parent
 *   adds it), so newsroom pages that already use pym.js resize the frame unchanged;
 * - ours, for public/embed-parent.js: `{ type: "qd-embed:height", height: <px>, token }`, the
 *   token read from this page's `#qd-embed=<token>` fragment, which the parent script put in the
 *   address it gave the frame. A page the frame later navigates to cannot know it (a fragment
 *   never travels in a request or a referrer), so the parent can tell the embed from whatever
 *   follows it in the frame, even when a sandbox makes every origin "null".
 *
 * It listens to one message, from its parent only: "qd-embed:request-height", which our
 * parent script sends when it takes over a frame that loaded before the script did; and it
 * sends its height again when its fragment (the token) changes.
 *
 * ?theme=light|dark forces a palette (the embed otherwise follows the reader's system);
 * ?lang= picks the language among those the site has, by loading the same chart's embed in
 * that edition (/en/embed/<id>/), the other parameters and the fragment kept. Unknown values are ignored with a
 * console warning: a host page's typo must not break the chart.
 */
export const HEIGHT_MESSAGE_TYPE = 'qd-embed:height';
export const HEIGHT_REQUEST = 'qd-embed:request-height';
const TOKEN_FRAGMENT = /(?:^#|&)qd-embed=([\w-]{16,64})(?:&|$)/u;

/** The token the parent script gave this frame in its address, if any. */
export function embedToken(hash: string): string | undefined {
  return TOKEN_FRAGMENT.exec(hash)?.[1];
}
const PYM_DELIMITER = 'xPYMx';
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

export interface EmbedParams {
  theme: Theme | undefined;
  lang: string;
  childId: string | undefined;
  warnings: string[];
}

export function readEmbedParams(search: string, langs: readonly string[], pageLang: string): EmbedParams {
  const q = new URLSearchParams(search);
  const warnings: string[] = [];
  const themeParam = q.get('theme');
  let theme: Theme | undefined;
  if (themeParam !== null) {
    theme = THEMES.find((t) => t === themeParam);
    if (!theme)
      warnings.push(
        `embed: ?theme=${JSON.stringify(themeParam)} is not one of ${THEMES.join(', ')}; following the reader's system setting`,
      );
  }
  const langParam = q.get('lang');
  let lang = pageLang;
  if (langParam !== null) {
    if (langs.includes(langParam)) lang = langParam;
    else warnings.push(`embed: ?lang=${JSON.stringify(langParam)} is not available (available: ${langs.join(', ')}); showing ${pageLang}`);
  }
  const childId = q.get('childId') || undefined;
  return { theme, lang, childId, warnings };
}

export function pymHeightMessage(childId: string, height: number): string {
  return ['pym', childId, 'height', String(height)].join(PYM_DELIMITER);
}

/** The height the frame needs: the root element's box, which includes the body's margins. */
export function contentHeight(doc: Document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}

/**
 * The address of this embed in the edition ?lang= asks for, or undefined when the page already
 * is that edition. ?lang= itself is dropped so the twin does not redirect again.
 */
export function editionAddress(
  lang: string,
  pageLang: string,
  editionsJson: string,
  here: Pick<Location, 'search' | 'hash'>,
): string | undefined {
  if (lang === pageLang) return undefined;
  const editions = JSON.parse(editionsJson) as Record<string, string>;
  const path = editions[lang];
  if (path === undefined) throw new Error(`embed: no edition "${lang}" in data-editions`);
  const q = new URLSearchParams(here.search);
  q.delete('lang');
  const search = q.toString();
  return `${path}${search ? `?${search}` : ''}${here.hash}`;
}

export function startEmbed(win: Window = window): void {
  const doc = win.document;
  const root = doc.documentElement;
  const params = readEmbedParams(
    win.location.search,
    (root.dataset['langs'] ?? '').split(' ').filter(Boolean),
    root.dataset['lang'] ?? 'zh',
  );
  for (const w of params.warnings) console.warn(w);
  const twin = editionAddress(params.lang, root.dataset['lang'] ?? 'zh', root.dataset['editions'] ?? '{}', win.location);
  if (twin) {
    win.location.replace(twin);
    return;
  }
  if (params.theme) root.dataset['theme'] = params.theme;
  if (win.parent === win) return;

  let last = -1;
  const send = () => {
    const height = contentHeight(doc);
    if (height === last) return;
    last = height;
    if (params.childId) win.parent.postMessage(pymHeightMessage(params.childId, height), '*');
    const token = embedToken(win.location.hash);
    win.parent.postMessage(token ? { type: HEIGHT_MESSAGE_TYPE, height, token } : { type: HEIGHT_MESSAGE_TYPE, height }, '*');
  };
  const resend = () => {
    last = -1;
    send();
  };
  new ResizeObserver(send).observe(root);
  win.addEventListener('load', send);
  win.addEventListener('message', (e) => {
    if (e.source === win.parent && e.data === HEIGHT_REQUEST) resend();
  });
  // the parent script adds the token to the address of a frame it takes over after it loaded
  win.addEventListener('hashchange', resend);
  send();
}
