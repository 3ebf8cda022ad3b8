/**
 * One description of the dataset as a citable work. The data package, the citation page and
 * the JSON download all read it, so a title, version or licence is changed in one place.
 */
import pkg from '../../../package.json';
import { buildDate } from '../site/build-date.ts';

export interface DatasetMeta {
  /** machine name, also the data package's name */
  name: string;
  title: string;
  titleEn: string;
  /** the body responsible for the work (GB/T 7714 主要责任者, APA author) */
  author: string;
  version: string;
  /** ISO 8601 instant the downloads were built */
  created: string;
  /** where the data page lives */
  url: string;
  license: { id: string; title: string; url: string };
}

/**
 * The licence of the tables this project compiled. Quotes inside them are short extracts of
 * the publishers' texts, kept so every figure can be checked; they remain the publishers'.
 */
export const LICENSE = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The build instant (SOURCE_DATE_EPOCH when set), the same for every file of one build. */
export function buildTime(): string {
  return buildDate().instant;
}

export function datasetMeta(opts: { title: string; author: string; site: string | URL; dataPath: string; created?: string }): DatasetMeta {
  return {
    name: pkg.name,
    title: opts.title,
    titleEn: pkg.description,
    author: opts.author,
    version: pkg.version,
    created: opts.created ?? buildTime(),
    url: new URL(opts.dataPath, opts.site).href,
    license: LICENSE,
  };
}

const dayOf = (iso: string): string => iso.slice(0, 10);
const yearOf = (iso: string): string => iso.slice(0, 4);

/**
 * GB/T 7714—2015, electronic data set ([DS/OL]): 主要责任者. 题名[DS/OL]. 版本. (更新日期)[引用日期].
 * 获取路径. The citing date is the reader's own, so it is left as a slot for them to fill.
 */
export function citeGbt7714(m: DatasetMeta, citedSlot: string): string {
  return `${m.author}. ${m.title}[DS/OL]. ${m.version}版. (${dayOf(m.created)})[${citedSlot}]. ${m.url}.`;
}

/** APA 7th edition, data set: Author. (Year). Title (Version x) [Data set]. Publisher. URL */
export function citeApa(m: DatasetMeta): string {
  return `${m.author}. (${yearOf(m.created)}). ${m.title} (Version ${m.version}) [Data set]. ${m.url}`;
}

/** BibTeX @misc, which every BibTeX style knows (biblatex's @dataset is not universal). */
export function citeBibtex(m: DatasetMeta): string {
  const key = `${m.name.replace(/[^a-z0-9]+/gu, '')}${yearOf(m.created)}`;
  const esc = (s: string) => s.replace(/([{}\\&%$#_])/gu, '\\$1');
  return [
    `@misc{${key},`,
    `  author = {{${esc(m.author)}}},`,
    `  title = {{${esc(m.title)}}},`,
    `  year = {${yearOf(m.created)}},`,
    `  version = {${esc(m.version)}},`,
    `  howpublished = {\\url{${m.url}}},`,
    `  note = {Data set, ${esc(m.license.id)}; ${esc(m.titleEn)}},`,
    `}`,
  ].join('\n');
}
