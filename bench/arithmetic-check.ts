/**
 * npm run bench:arithmetic
 * How long the implied-arithmetic check takes: on the largest relation of data/arithmetic.csv
 * (most inputs) and on a synthetic sum of 50 inputs. Interval arithmetic evaluates each
 * formula once, so both should take microseconds; trying every rounding corner would need
 * 2^50 evaluations for the second (data/README.md, "arithmetic.csv", says how the check reads a relation).
 */
import { resolve } from 'node:path';
import { loadTable } from '../src/lib/data/load.ts';
import { evaluateInterval, parseFormula, type Interval } from '../src/lib/data/formula.ts';
import type { Problem } from '../src/lib/data/csv.ts';

const dataDir = resolve(import.meta.dirname, '..', 'data');
const problems: Problem[] = [];
const relations = loadTable('arithmetic', { dataDir }, problems).rows.map((r) => parseFormula(r.row.formula));
if (problems.length > 0 || relations.length === 0) throw new Error('data/arithmetic.csv does not load: run npm run data:check');
const largest = relations.reduce((a, b) => (b.refs.length > a.refs.length ? b : a));
const unit: Interval = { low: 0.95, high: 1.05 };

function time(label: string, text: string, runs = 1000): void {
  const f = parseFormula(text);
  evaluateInterval(f, () => unit); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) evaluateInterval(parseFormula(text), () => unit);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / runs;
  process.stdout.write(`${label}: ${f.refs.length} inputs, parse + interval check ${us.toFixed(1)} µs per relation\n`);
}

time(`largest relation in data/arithmetic.csv (${largest.text.slice(0, 40)}…)`, largest.text);
time('synthetic sum of 50 inputs', Array.from({ length: 50 }, (_, i) => `{d${i}}`).join(' + '));
