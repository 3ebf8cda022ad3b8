/** What every rule module is given: the loaded tables, and where to report a problem. */
import type { Located } from '../csv.ts';
import type { RowOf } from '../load.ts';
import type { TableName } from '../schema.ts';

export type Tables = { [N in TableName]: Located<RowOf<N>>[] };
/** Reports a problem at a row's file and line, in a column. */
export type At = (r: { file: string; line: number }, column: string, message: string) => void;
