/**
 * What every page template starts from: its language (from the route's `lang` parameter), the
 * links of that edition and the checked dataset. One call instead of the same opening block in
 * each page. getStaticPaths comes from src/i18n/paths.ts (langPaths, inEveryLang).
 */
import type { Lang } from '../i18n/index.ts';
import { langOfParam } from '../i18n/paths.ts';
import { getDataset, type Dataset } from '../lib/data/dataset.ts';
import { DATAPACKAGE_FILE, routes, sharedHrefs, type Routes } from '../lib/site/routes.ts';

export { routes } from '../lib/site/routes.ts';

export interface PageShell {
  lang: Lang;
  /** the edition's links: link.source(id), link.chart(id)… */
  link: Routes;
  /** the checked dataset (read once per build) */
  data: Dataset;
  /** the files both editions share (downloads, raw source texts), as links */
  files: typeof sharedHrefs & { datapackageName: string };
}

export function pageShell(params: { lang?: string | undefined }): PageShell {
  const lang = langOfParam(params.lang);
  return { lang, link: routes(lang), data: getDataset(), files: { ...sharedHrefs, datapackageName: DATAPACKAGE_FILE } };
}
