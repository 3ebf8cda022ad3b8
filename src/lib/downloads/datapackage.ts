/**
 * The research bundle's descriptor: a Frictionless Tabular Data Package whose Table Schemas
 * are generated from the zod schemas in data/schema.ts (their `.describe()` texts, enums and
 * patterns), so the checker, the site and the downloads never describe a column twice.
 * The data dictionary page renders the same objects.
 */
import { z } from 'zod';
import { TABLES, type TableName, type TableSchemaType } from '../data/schema.ts';
import { foreignKeysOf } from '../data/table-facts.ts';
import { ALL_FIGURES, ALL_FIGURES_COLUMNS, tableFileName, type ExportColumn } from './tables.ts';
import type { DatasetMeta } from './citation.ts';

export type FieldType = 'string' | 'number' | 'integer' | 'date' | 'year';

export interface TableSchemaField {
  name: string;
  type: FieldType;
  format?: string;
  description: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

export interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

export interface TableSchema {
  fields: TableSchemaField[];
  missingValues: string[];
  primaryKey?: string;
  foreignKeys?: ForeignKey[];
}

export interface DataResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  bytes: number;
  hash: string;
  schema: TableSchema;
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage: string;
  licenses: { name: string; title: string; path: string }[];
  contributors: { title: string; role: string }[];
  keywords: string[];
  resources: DataResource[];
}

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  pattern?: string;
  minLength?: number;
  enum?: string[];
  anyOf?: JsonSchemaProperty[];
  const?: string;
  format?: string;
  /** the Table Schema type declared beside the column in schema.ts */
  tableSchema?: TableSchemaType;
}

function describeColumn(table: string, column: string, d: string | undefined): string {
  if (d === undefined) throw new Error(`datapackage: ${table}.${column} has no description: add .describe() in src/lib/data/schema.ts`);
  return d;
}

function fieldFromJsonSchema(table: string, name: string, p: JsonSchemaProperty): TableSchemaField {
  const description = describeColumn(table, name, p.description);
  if (p.enum) return { name, type: 'string', description, constraints: { required: true, enum: [...p.enum] } };
  if (p.anyOf) {
    // z.union([z.literal(''), z.url()]): an address, or empty when there is none
    const uri = p.anyOf.find((a) => a.format === 'uri');
    if (uri && p.anyOf.every((a) => a === uri || a.const === '')) return { name, type: 'string', format: 'uri', description };
    return { name, type: 'string', description };
  }
  if (p.tableSchema) return { name, description, ...structuredClone(p.tableSchema) };
  if (p.pattern) {
    const required = !new RegExp(p.pattern, 'u').test('');
    return { name, type: 'string', description, constraints: { ...(required ? { required } : {}), pattern: p.pattern } };
  }
  if ((p.minLength ?? 0) > 0) return { name, type: 'string', description, constraints: { required: true } };
  return { name, type: 'string', description };
}

/** Table Schema fields of a table of data/, in CSV column order. */
export function tableFields(name: TableName): TableSchemaField[] {
  const json = z.toJSONSchema(TABLES[name].schema, { unrepresentable: 'any', io: 'input' }) as {
    properties: Record<string, JsonSchemaProperty>;
  };
  return Object.keys(TABLES[name].schema.shape).map((column) => {
    const p = json.properties[column];
    if (!p) throw new Error(`datapackage: ${name}.${column} missing from the JSON Schema of its zod schema`);
    return fieldFromJsonSchema(name, column, p);
  });
}

export function tableSchema(name: TableName): TableSchema {
  const fields = tableFields(name);
  const hasId = fields.some((f) => f.name === 'id');
  if (hasId) {
    const id = fields.find((f) => f.name === 'id');
    if (id) id.constraints = { ...id.constraints, required: true, unique: true };
  }
  // declared once in table-facts.ts, with the data check's references rule
  const refs = foreignKeysOf(name).map(({ column, to }) => [column, to] as const);
  return {
    fields,
    missingValues: [''],
    ...(hasId ? { primaryKey: 'id' } : {}),
    ...(refs.length > 0
      ? {
          foreignKeys: refs.map(([field, target]) => ({
            fields: field,
            // Table Schema: an empty resource name refers to the table itself
            reference: { resource: target === name ? '' : target, fields: 'id' },
          })),
        }
      : {}),
  };
}

function exportField(c: ExportColumn): TableSchemaField {
  if ('copy' in c) {
    const base = tableFields(c.copy.table).find((f) => f.name === c.copy.column);
    if (!base) throw new Error(`datapackage: ${c.copy.table}.${c.copy.column} does not exist`);
    const field: TableSchemaField = { ...base, name: c.name, description: c.description ?? base.description };
    if (c.optional && field.constraints) {
      const { required: _dropped, ...rest } = field.constraints;
      field.constraints = rest;
    }
    return field;
  }
  if ('join' in c) {
    const base = tableFields(c.join.table).find((f) => f.name === c.join.column);
    if (!base) throw new Error(`datapackage: ${c.join.table}.${c.join.column} does not exist`);
    return {
      ...base,
      name: c.name,
      description: `${base.description} — ${c.join.column} of the row of ${tableFileName(c.join.table)} named in ${c.join.via}`,
    };
  }
  return {
    name: c.name,
    type: 'string',
    description: c.description,
    constraints: { ...(c.optional ? {} : { required: true }), ...(c.enum ? { enum: [...c.enum] } : {}) },
  };
}

export function allFiguresSchema(): TableSchema {
  return {
    fields: ALL_FIGURES_COLUMNS.map(exportField),
    missingValues: [''],
    primaryKey: 'id',
    foreignKeys: [
      { fields: 'indicator', reference: { resource: 'indicators', fields: 'id' } },
      { fields: 'unit', reference: { resource: 'units', fields: 'id' } },
      { fields: 'geo', reference: { resource: 'places', fields: 'id' } },
    ],
  };
}

export interface ResourceDescription {
  name: string;
  path: string;
  title: string;
  description: string;
  schema: TableSchema;
}

/** Every CSV the site publishes under downloads/, with its schema (before bytes and hashes). */
export function describeResources(): ResourceDescription[] {
  const all: ResourceDescription = {
    name: ALL_FIGURES.name,
    path: ALL_FIGURES.csv,
    title: 'All figures, published and derived, joined with their names (the /data/ explorer)',
    description:
      'One row per figure: the rows of figures.csv and derived.csv with indicator, unit and place names joined in. UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly; cells a spreadsheet would run as a formula (starting with = + - @, except plain numbers) are prefixed with an apostrophe.',
    schema: allFiguresSchema(),
  };
  const tables = (Object.keys(TABLES) as TableName[]).map((name) => ({
    name,
    path: tableFileName(name),
    title: TABLES[name].title,
    description: `data/${TABLES[name].file} exactly as checked into the repository: UTF-8 without a byte-order mark, comma-separated, RFC 4180 quoting.`,
    schema: tableSchema(name),
  }));
  return [all, ...tables];
}

export function buildDataPackage(
  meta: DatasetMeta,
  files: (path: string) => { bytes: number; sha256: string },
  extra: { description: string; keywords: string[] },
): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: extra.description,
    version: meta.version,
    created: meta.created,
    homepage: meta.url,
    licenses: [{ name: meta.license.id, title: meta.license.title, path: meta.license.url }],
    contributors: [{ title: meta.author, role: 'author' }],
    keywords: extra.keywords,
    resources: describeResources().map((r) => {
      const f = files(r.path);
      return {
        name: r.name,
        path: r.path,
        profile: 'tabular-data-resource',
        title: r.title,
        description: r.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: f.bytes,
        hash: `sha256:${f.sha256}`,
        schema: r.schema,
      };
    }),
  };
}
