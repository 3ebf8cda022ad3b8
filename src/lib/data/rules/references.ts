/**
 * Rule: every id a row refers to exists, for every reference declared in table-facts.ts.
 * A referring row is reported at the column, with the table(s) the id was looked for in.
 */
import type { Located } from '../csv.ts';
import type { TableName } from '../schema.ts';
import { REFERENCES, referenceTarget } from '../table-facts.ts';

type At = (r: Located<unknown>, column: string, message: string) => void;

export function checkReferences(tables: { [N in TableName]: Located<unknown>[] }, at: At): void {
  const idSets = new Map<TableName, Set<string>>();
  const idsOf = (t: TableName): Set<string> => {
    let ids = idSets.get(t);
    if (!ids) idSets.set(t, (ids = new Set((tables[t] as Located<{ id: string }>[]).map((r) => r.row.id))));
    return ids;
  };
  for (const ref of REFERENCES) {
    const known = ref.to.map(idsOf);
    const where = referenceTarget(ref);
    for (const r of tables[ref.table] as Located<Record<string, string | string[]>>[]) {
      const cell = r.row[ref.column];
      const values = Array.isArray(cell) ? cell : cell === undefined || cell === '' ? [] : [cell];
      for (const v of values) if (!known.some((ids) => ids.has(v))) at(r, ref.column, `"${v}" is not an id in ${where}`);
    }
  }
}
