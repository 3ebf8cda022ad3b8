/**
 * The story's masthead: who publishes it, when it was first published, and when its data last
 * changed. The first-publication date is an editorial fact set here once, on the day the
 * edition goes out; the data date comes from the data (src/lib/data/data-date.ts).
 */
import { t, type Lang } from '../i18n/index.ts';
import { dataLastChanged } from '../lib/data/data-date.ts';
import { formatIsoDate } from '../lib/words/format.ts';

/** Set on publication (YYYY-MM-DD). */
export const FIRST_PUBLISHED = '2026-12-01';

export interface Masthead {
  desk: string;
  published: { iso: string; text: string };
  dataChanged: { iso: string; text: string } | undefined;
}

export function masthead(lang: Lang): Masthead {
  const changed = dataLastChanged();
  return {
    desk: t(lang, 'site.publisher'),
    published: { iso: FIRST_PUBLISHED, text: formatIsoDate(FIRST_PUBLISHED, lang) },
    dataChanged: changed ? { iso: changed, text: formatIsoDate(changed, lang) } : undefined,
  };
}
