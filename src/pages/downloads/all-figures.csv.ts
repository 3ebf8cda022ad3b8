/** All figures, published and derived, as a spreadsheet-safe CSV (UTF-8 with BOM). */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/dataset.ts';
import { allFiguresCsv } from '../../lib/downloads/tables.ts';

export const GET: APIRoute = () => new Response(allFiguresCsv(getDataset()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
