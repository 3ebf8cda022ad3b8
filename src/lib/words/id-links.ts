/**
 * Notes in the data name other figures, sources and indicators by id ("recorded as
 * fdi-actual-rank-city-2023-huangdao-2024c", "compare art-2024-conference", "the projects
 * counted in projects-signed-1yi"): right for the data files, where a researcher looks the id
 * up, and unreadable on a page. On a page each id reads as what it names, linked to it: a figure
 * as its period, indicator, place and value (the words of a computed figure's inputs), a source
 * as its publisher, title and date, an indicator as its name. The link keeps the id for a
 * researcher who wants it.
 */
import { routes } from '../site/routes.ts';
import type { Lang } from '../../i18n/index.ts';
import type { Dataset } from '../data/site-figure.ts';
import { figureHref, figureLabel } from './arithmetic.ts';
import { sourceLabel } from './source-names.ts';
import { indicatorName } from './figure-words.ts';

export type TextPiece = { text: string } | { text: string; href: string; id: string };

const patterns = new WeakMap<Dataset, RegExp>();

/** every figure, source and indicator id, longest first, as a whole word: "-2024c" never ends a shorter id's match */
function idPattern(data: Dataset): RegExp {
  const known = patterns.get(data);
  if (known) return known;
  const ids = [...data.byId.keys(), ...data.sources.keys(), ...data.indicators.keys()].sort((a, b) => b.length - a.length);
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(`(?<![\\w-])(?:${escaped.join('|')})(?![\\w-])`, 'gu');
  patterns.set(data, pattern);
  return pattern;
}

/** `text` cut into plain pieces and the ids it names, each with the words and the address of what it names */
export function linkIds(text: string, data: Dataset, lang: Lang): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(idPattern(data))) {
    const id = match[0];
    if (match.index > at) pieces.push({ text: text.slice(at, match.index) });
    const figure = data.byId.get(id);
    if (figure) pieces.push({ text: figureLabel(figure, data, lang), href: figureHref(figure, lang), id });
    else if (data.sources.has(id)) pieces.push({ text: sourceLabel(data, id, lang), href: routes(lang).source(id), id });
    else pieces.push({ text: indicatorName(data, id, lang), href: routes(lang).indicator(id), id });
    at = match.index + id.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
