/**
 * dist/downloads/datapackage.json against the official Frictionless profiles (vendored from
 * npm, see test/fixtures/frictionless/README.md), and against the files it describes: every
 * resource exists with its size and hash, its fields are its CSV's header exactly, every value
 * meets its field's type and constraints, and every foreign key resolves.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/serve-dist.ts';
import { TABLES } from '../../src/lib/data/schema.ts';
import type { DataPackage, DataResource, TableSchemaField } from '../../src/lib/downloads/datapackage.ts';
import pkgJson from '../../package.json';

const fixtures = new URL('../fixtures/frictionless/', import.meta.url);
const profile = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as object;
const downloads = join(DIST_DIR, 'downloads');
const descriptor = JSON.parse(readFileSync(join(downloads, 'datapackage.json'), 'utf8')) as DataPackage;

const ajv = new Ajv({ allErrors: true, strict: false });
// the formats the profiles use (ajv-formats would bring many more than these four)
ajv.addFormat(
  'date-time',
  (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u.test(s) && !Number.isNaN(Date.parse(s)),
);
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/u);
ajv.addFormat('textarea', true);
const validatePackage = ajv.compile(profile('tabular-data-package.json'));
const validateTableSchema = ajv.compile(profile('table-schema.json'));

function readCsv(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(downloads, path), 'utf8').replace(/^\uFEFF/u, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors, path).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Does a cell hold a valid value of the field? (Table Schema types as this package uses them; '' is missing.) */
function valueProblem(field: TableSchemaField, value: string): string | undefined {
  const c = field.constraints ?? {};
  if (value === '') return c.required ? 'required but empty' : undefined;
  switch (field.type) {
    case 'number':
      if (!/^-?\d+(\.\d+)?$/u.test(value)) return 'not a number';
      break;
    case 'integer':
      if (!/^-?\d+$/u.test(value)) return 'not an integer';
      break;
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'not a date';
      break;
    case 'year':
      if (!/^\d{4}$/u.test(value)) return 'not a year';
      break;
    default:
      if (field.format === 'uri' && !URL.canParse(value)) return 'not a URI';
  }
  if (c.enum && !c.enum.includes(value)) return `not one of ${c.enum.join(', ')}`;
  if (c.pattern && !new RegExp(c.pattern, 'u').test(value)) return `does not match ${c.pattern}`;
  if (c.minimum !== undefined && Number(value) < c.minimum) return `below ${c.minimum}`;
  if (c.maximum !== undefined && Number(value) > c.maximum) return `above ${c.maximum}`;
  return undefined;
}

describe('datapackage.json', () => {
  it('is a valid Tabular Data Package (official profile)', () => {
    const ok = validatePackage(descriptor);
    expect(validatePackage.errors ?? [], JSON.stringify(validatePackage.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('carries licence, version from package.json and a creation date', () => {
    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.version).toBe(pkgJson.version);
    expect(descriptor.licenses[0]?.name).toBeTruthy();
    expect(Number.isNaN(Date.parse(descriptor.created))).toBe(false);
  });

  it('describes every table of data/ and the all-figures table', () => {
    const paths = descriptor.resources.map((r) => r.path).sort();
    const expected = [...Object.values(TABLES).map((t) => t.file.split('/').at(-1) as string), 'all-figures.csv'].sort();
    expect(paths).toEqual(expected);
  });
});

describe.each(descriptor.resources.map((r) => [r.name, r] as [string, DataResource]))('resource %s', (_name, resource) => {
  it('has a valid Table Schema (official profile)', () => {
    validateTableSchema(resource.schema);
    expect(validateTableSchema.errors ?? []).toEqual([]);
  });

  it('points at a published file with the stated size and sha256', () => {
    const path = join(downloads, resource.path);
    expect(existsSync(path)).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(resource.bytes);
    expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  });

  it("lists exactly its CSV's header, in order", () => {
    expect(resource.schema.fields.map((f) => f.name)).toEqual(readCsv(resource.path).header);
  });

  it('has every value meet its field type and constraints, and a unique primary key', () => {
    const { rows } = readCsv(resource.path);
    const problems: string[] = [];
    rows.forEach((row, i) => {
      for (const f of resource.schema.fields) {
        // all-figures.csv is for spreadsheets: an apostrophe may disarm a formula-like cell
        const raw = row[f.name] ?? '';
        const value = resource.name === 'all-figures' && /^'[=+\-@\t\r]/u.test(raw) ? raw.slice(1) : raw;
        const p = valueProblem(f, value);
        if (p) problems.push(`${resource.path}:${i + 2}: ${f.name}: ${JSON.stringify(value)} ${p}`);
      }
    });
    expect(problems).toEqual([]);
    const key = resource.schema.primaryKey;
    if (key) expect(new Set(rows.map((r) => r[key])).size).toBe(rows.length);
  });

  it('has every foreign key resolve', () => {
    const { rows } = readCsv(resource.path);
    const missing: string[] = [];
    for (const fk of resource.schema.foreignKeys ?? []) {
      const target = fk.reference.resource === '' ? resource : descriptor.resources.find((r) => r.name === fk.reference.resource);
      expect(target, fk.reference.resource).toBeDefined();
      const ids = new Set(readCsv((target as DataResource).path).rows.map((r) => r[fk.reference.fields]));
      for (const row of rows) {
        const v = row[fk.fields] ?? '';
        if (v !== '' && !ids.has(v)) missing.push(`${fk.fields}=${v}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
