/**
 * The dataset's citable description as this site states it, for endpoints and pages alike:
 * title and author from the dictionary, address from the site configuration.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { routes } from '../site/routes.ts';
import { datasetMeta, type DatasetMeta } from './citation.ts';

/** The dataset as cited in one edition: its title, author and the address of that edition's /data/. */
export function siteDatasetMeta(lang: Lang, site: URL | undefined): DatasetMeta {
  if (!site) throw new Error('astro.config.mjs must set `site`: citations and the data package need the address');
  return datasetMeta({
    title: t(lang, 'site.name'),
    author: t(lang, 'site.publisher'),
    site,
    dataPath: routes(lang).data(),
  });
}
