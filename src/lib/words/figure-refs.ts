/**
 * The rows a figure refers to (its indicator, place, unit and sources) and their names in the
 * reader's language: one lookup for every table, page, download and chart that shows a figure.
 * The data check guarantees each reference, so a miss here means the code and the check
 * disagree; it stops the build naming the figure, the column and the id, never showing a raw
 * id or an empty cell in its place.
 */
import type { Lang } from '../../i18n/index.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';
import type { Indicator, Place, Source, Unit } from '../data/schema.ts';
import { localized } from '../data/table-facts.ts';

export type FigureLookups = Pick<Dataset, 'indicators' | 'places' | 'units' | 'sources'>;

export interface FigureRefs {
  indicator: Indicator;
  place: Place;
  unit: Unit;
  sources: Source[];
}

function required<T>(table: ReadonlyMap<string, T>, id: string, owner: string, column: string, file: string): T {
  const row = table.get(id);
  if (row === undefined) throw new Error(`${owner}: ${column} "${id}" is not in ${file}`);
  return row;
}

export function figureRefs(f: Pick<SiteFigure, 'id' | 'indicator' | 'geo' | 'unit' | 'sources'>, data: FigureLookups): FigureRefs {
  const owner = `figure ${f.id}`;
  return {
    indicator: required(data.indicators, f.indicator, owner, 'indicator', 'indicators.csv'),
    place: required(data.places, f.geo, owner, 'geo', 'places.csv'),
    unit: required(data.units, f.unit, owner, 'unit', 'units.csv'),
    sources: f.sources.map((id) => required(data.sources, id, owner, 'source', 'sources.csv')),
  };
}

/** A place by id, for rows other than figures (events); same policy. */
export function placeRef(geo: string, owner: string, data: Pick<Dataset, 'places'>): Place {
  return required(data.places, geo, owner, 'geo', 'places.csv');
}

/** An indicator by id, for rows other than figures (continuity findings); same policy. */
export function indicatorRef(id: string, owner: string, data: Pick<Dataset, 'indicators'>): Indicator {
  return required(data.indicators, id, owner, 'indicator', 'indicators.csv');
}

/** The name of an indicator, place or event in the reader's language. */
export function nameIn(row: { name_zh: string; name_en: string }, lang: Lang): string {
  return localized(row, 'name', lang);
}
