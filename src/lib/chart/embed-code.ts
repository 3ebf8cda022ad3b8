/**
 * The code an editor pastes to embed a chart: a sandboxed iframe that sizes itself (pym.js
 * height messages, or the site's embed-parent.js), and the parent script. One place, because
 * the chart's row of actions shows it and its oEmbed document hands it to a CMS.
 */
import { escapeHtml } from '../text/escape-html.ts';
import { EMBED_PARENT_SCRIPT } from './chart-files.ts';
import pkg from '../../../package.json';
import type { Lang } from '../../i18n/index.ts';
import { DATA_DIR } from '../data/dataset.ts';
import { keptReleases } from '../data/releases.ts';
import { sitePaths } from '../site/routes.ts';

/** the iframe's height before its script sizes it, and the height oEmbed states */
export const EMBED_HEIGHT = 640;

/**
 * `root` is the site's address ending in "/" (or the placeholder a preview build names);
 * `embedPath` the embed's path from the site root.
 */
export function embedCode(root: string, embedPath: string, frameTitle: string): string {
  return [
    `<iframe data-qd-embed src="${escapeHtml(`${root}${embedPath}`)}" title="${escapeHtml(frameTitle)}" width="100%" height="${EMBED_HEIGHT}" style="border:0;width:100%" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>`,
    `<script async src="${escapeHtml(`${root}${EMBED_PARENT_SCRIPT}`)}"></script>`,
  ].join('\n');
}

/**
 * The embed an editor copies names the dataset release it was copied under, so the article
 * keeps the figures it published: the pinned embed of the current version when that release is
 * kept (data/releases/<version>/), else the live one.
 */
export function copiedEmbedPath(id: string, lang: Lang): string {
  const at = sitePaths(lang);
  return keptReleases(DATA_DIR).includes(pkg.version) ? at.pinnedEmbed(id, pkg.version) : at.embed(id);
}
