/**
 * Fuzz: seeded, reproducible mutations of the valid fixture's tables and of a real article,
 * fed to the data check and to the normaliser. Whatever the bytes, the check must return
 * problems (never throw), and a file changed in a way that breaks a rule must never pass.
 * Bounded: a fixed number of rounds, a few seconds in all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkData } from '../../src/lib/data/check.ts';
import { decodeText } from '../../src/lib/text/read-text.ts';
import { normalize, NormalizeError } from '../../src/lib/text/normalize.ts';

const valid = fileURLToPath(new URL('../fixtures/data-valid/', import.meta.url));
const SEED = 20251201;
const ROUNDS = 120;
/** the check reads every table each round: fewer rounds keep it to a few seconds */
const CHECK_ROUNDS = 60;

const HOSTILE = [
  '=1+1',
  '+A1',
  '-2+3',
  '@SUM(A1)',
  '\t',
  '\r',
  '\0',
  '"',
  ',',
  ';',
  '\n',
  '\uFEFF',
  '../',
  'javascript:x',
  '{x}',
  '{',
  '(',
  '/ 0',
  '\uFFFD',
  '\u2028',
  '𠀀',
];
const BYTES = [0x00, 0x0d, 0xff, 0xfe, 0xc3, 0xe4, 0x80, 0xef, 0xbb, 0xbf];

function mutate(bytes: Buffer, next: () => number): Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const at = Math.floor(next() * (bytes.length + 1));
  switch (Math.floor(next() * 5)) {
    case 0:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(HOSTILE)), bytes.subarray(at)]);
    case 1:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([pick(BYTES)]), bytes.subarray(at + 1)]);
    case 2:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + Math.floor(next() * 40)))]);
    case 3:
      return bytes.subarray(0, at);
    default: {
      // a cell of some row starts with a formula character: the rule every table shares
      const text = bytes.toString('utf8');
      const commas = [...text.matchAll(/,(?=[^,\n"])/gu)].map((m) => m.index);
      if (commas.length === 0) return bytes;
      const c = pick(commas);
      return Buffer.from(`${text.slice(0, c + 1)}${pick(['=', '+', '@'])}${text.slice(c + 1)}`);
    }
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe(`fuzz (seed ${SEED})`, () => {
  it('the check never throws, and never passes a table changed by a mutation that breaks it', () => {
    const next = rng(SEED);
    const tables = [
      'units.csv',
      'places.csv',
      'figures.csv',
      'sources.csv',
      'derived.csv',
      'arithmetic.csv',
      'events.csv',
      'sources/raw/a.txt',
      'sources/raw/b.txt',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
    dirs.push(dir);
    let refused = 0;
    for (let round = 0; round < CHECK_ROUNDS; round++) {
      cpSync(valid, dir, { recursive: true });
      const file = tables[Math.floor(next() * tables.length)] as string;
      const before = readFileSync(join(dir, file));
      const after = mutate(before, next);
      writeFileSync(join(dir, file), after);
      const label = `round ${round}: ${file} ${JSON.stringify(after.toString('latin1').slice(0, 80))}`;
      let problems: unknown[] = [];
      expect(() => {
        problems = checkData({ dataDir: dir, displayRoot: dir }).problems;
      }, label).not.toThrow();
      // bytes that cannot be text, or a cell a spreadsheet would run, must be refused
      const mustFail = 'fault' in decodeText(after) || (file.endsWith('.csv') && /(^|,)[=+@]/mu.test(after.toString('utf8')));
      if (mustFail) {
        expect(problems.length, label).toBeGreaterThan(0);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(CHECK_ROUNDS / 4); // the mutations really do break things
  }, 60_000);

  it('the normaliser either gives text or refuses with its own error, for any mutation of a real article', () => {
    const next = rng(SEED + 1);
    const article = readFileSync(fileURLToPath(new URL('../../data/sources/raw/004_46882168b7554399.txt', import.meta.url)));
    let refused = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const bytes = mutate(article, next);
      const read = decodeText(bytes);
      if ('fault' in read) {
        expect(read.fault.line).toBeGreaterThanOrEqual(1);
        refused++;
        continue;
      }
      try {
        normalize(read.text, { splices: [{ text: '全市新設(shè)立', reason: 'x' }] });
      } catch (e) {
        expect(e, `round ${round}`).toBeInstanceOf(NormalizeError);
      }
    }
    expect(refused).toBeGreaterThan(0);
  }, 30_000);
});

import { mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { formatProblem } from '../../src/lib/data/csv.ts';
import { readDataFile } from '../../src/lib/text/read-text.ts';
import { MAX_OPERATIONS } from '../../src/lib/data/formula.ts';
import { rng } from '../../scripts/lib/generate-figures.ts';

/** a copy of the valid fixture, changed */
function copyOfValid(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-size-'));
  dirs.push(dir);
  cpSync(valid, dir, { recursive: true });
  change(dir);
  return dir;
}
const appendTo = (dir: string, file: string, lines: string[]) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + lines.join(''));
const LINE = /^[^:\n]+:\d+: [^:\n]+: .+$/u;
const root = fileURLToPath(new URL('../../', import.meta.url));
/** the command-line check on a folder: exit code and what it printed */
function cli(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('sizes and shapes that once overflowed the stack or hung (issue 25)', () => {
  it(`a flat sum of 5,000 terms is refused as longer than ${MAX_OPERATIONS} operations, in derived and arithmetic rows; one of 150 is evaluated`, () => {
    const long = `{fdi-2022-manufacturing}${' + 0'.repeat(5000)}`;
    const dir = copyOfValid((d) => {
      writeFileSync(
        join(d, 'derived.csv'),
        readFileSync(join(d, 'derived.csv'), 'utf8').replace(
          '{fdi-2022-manufacturing} / {fdi-2022} * 100',
          `{fdi-2022-manufacturing} / {fdi-2022} * 100${' + 0'.repeat(150)}`,
        ),
      );
      appendTo(d, 'arithmetic.csv', [`long-sum,"${long}",fdi-2022-manufacturing,holds,A long sum.,（中文说明）\n`]);
    });
    let problems: string[] = [];
    expect(() => (problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem))).not.toThrow();
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^arithmetic\\.csv:\\d+: formula: formula has more than ${MAX_OPERATIONS} operations at character \\d+`, 'u'),
      ),
    ]);
  });

  it('a chain of 5,000 derived rows, each computed from the one before, passes without exhausting the stack', () => {
    const rows: string[] = [];
    for (let i = 1; i <= 5000; i++) {
      rows.push(
        `chain-${i},new-fie,408,count,0,2020-01-01,2020-06-30,qingdao,actual,,{${i === 1 ? 'new-fie-2020h1' : `chain-${i - 1}`}} * 1,A link of a long chain.,（中文说明）\n`,
      );
    }
    const dir = copyOfValid((d) => appendTo(d, 'derived.csv', rows));
    let problems: string[] = [];
    expect(() => (problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem))).not.toThrow();
    expect(problems).toEqual([]);
  }, 60_000);

  it('130,000 problems in one table are all reported (spreading them into a list overflowed the stack)', () => {
    const dir = copyOfValid((d) =>
      appendTo(
        d,
        'units.csv',
        Array.from({ length: 130_000 }, () => 'x,%\n'),
      ),
    );
    let problems: string[] = [];
    expect(() => (problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem))).not.toThrow();
    expect(problems.filter((p) => p.startsWith('units.csv:') && p.endsWith('row has 2 fields, header has 5'))).toHaveLength(130_000);
  }, 60_000);

  it.each([
    ['a folder', (p: string) => mkdirSync(p), 'is a folder, not a file'],
    ['a named pipe', (p: string) => spawnSync('mkfifo', [p]), 'named pipe (FIFO)'],
    ['a link out of the folder', (p: string) => symlinkSync('/etc/hostname', p), 'leads outside'],
    ['a link to nothing', (p: string) => symlinkSync('/nonexistent/x', p), 'link to nothing'],
  ])(
    'figures.csv as %s: the command prints file:line: column: problem, exits 1, no stack trace, no hang',
    (_what, make, message) => {
      const dir = copyOfValid((d) => {
        rmSync(join(d, 'figures.csv'));
        make(join(d, 'figures.csv'));
      });
      const out = cli(dir);
      expect(out.status, out.stderr).toBe(1);
      const lines = out.stderr.trim().split('\n');
      expect(
        lines.slice(0, -1).every((l) => LINE.test(l)),
        out.stderr,
      ).toBe(true);
      expect(out.stderr).toMatch(new RegExp(`figures\\.csv:1: -: file .*${message.replace(/[()]/gu, '\\$&')}`, 'u'));
      expect(out.stderr).not.toMatch(/\n\s+at /u);
    },
    60_000,
  );

  it('a table above the limit is refused by its size before a byte is read, and the message says how many figures fit', () => {
    const dir = copyOfValid((d) => truncateSync(join(d, 'figures.csv'), 65 * 1024 * 1024)); // sparse: costs no disk
    const problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem);
    expect(problems.filter((p) => p.startsWith('figures.csv:'))).toEqual([
      'figures.csv:1: -: file is 65 MB, above the limit of 64 MB for a table (about 390,000 figures): check it is the right file',
    ]);
  });

  it('a socket is refused by what it is', async () => {
    const dir = copyOfValid((d) => rmSync(join(d, 'units.csv')));
    const server = createServer().listen(join(dir, 'units.csv'));
    await once(server, 'listening');
    try {
      const problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem);
      expect(problems.filter((p) => p.startsWith('units.csv:'))).toEqual(['units.csv:1: -: file is a socket, not a file: it is not read']);
    } finally {
      server.close();
    }
  });

  it('a device is refused by what it is, without reading it', () => {
    const read = readDataFile('/dev/zero', { root: '/dev', rootName: '/dev', kind: 'table' });
    expect(read).toEqual({ fault: { line: 1, message: 'file is a device, not a file: it is not read', path: true } });
  });
});
