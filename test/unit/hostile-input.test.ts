/**
 * Hostile input: each case copies test/fixtures/data-valid/ to a temporary folder, changes one
 * thing as an attacker or a careless contributor would, and expects exactly one problem at the
 * expected place. Against the code before issue 11 every case here passed the check silently
 * (or, for the encodings, drowned in unrelated messages).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { checkData } from '../../src/lib/data/check.ts';
import { formatProblem } from '../../src/lib/data/csv.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const valid = fileURLToPath(new URL('../fixtures/data-valid/', import.meta.url));
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** a copy of the valid fixture with one file changed */
function variant(change: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  made.push(dir);
  cpSync(valid, dir, { recursive: true });
  change(dir);
  return dir;
}
const text = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const replaceIn = (f: string, from: string, to: string) => (dir: string) => {
  const before = text(dir, f);
  if (!before.includes(from)) throw new Error(`${f} does not contain ${from}`);
  writeFileSync(join(dir, f), before.replace(from, to));
};
const problemsOf = (dir: string) => checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem);

// [what, change, the one expected problem (start of the line, then a part of the message)]
const cases: [string, (dir: string) => void, string, string][] = [
  [
    'javascript: address',
    replaceIn('sources.csv', '测试夹具,Test fixture,,,', '测试夹具,Test fixture,javascript:alert(1),,'),
    'sources.csv:2: url:',
    'must be an https:// or http:// address',
  ],
  [
    'data: address',
    replaceIn('sources.csv', '测试夹具,Test fixture,,,', '测试夹具,Test fixture,"data:text/html;base64,PHNjcmlwdD4=",,'),
    'sources.csv:2: url:',
    'https:// or http://',
  ],
  [
    'path climbing out of data/sources/',
    replaceIn('sources.csv', 'raw/a.txt', '../../../package.json'),
    'sources.csv:2: file:',
    'without ".."',
  ],
  ['absolute path', replaceIn('sources.csv', 'raw/a.txt', '/etc/passwd'), 'sources.csv:2: file:', 'relative to data/sources/'],
  [
    'symbolic link out of data/sources/',
    (d) => {
      symlinkSync(join(root, 'package.json'), join(d, 'sources/raw/link.txt'));
      replaceIn('sources.csv', 'raw/a.txt', 'raw/link.txt')(d);
      rmSync(join(d, 'sources/raw/a.txt'));
    },
    'sources.csv:2: file:',
    'leads outside data/sources/',
  ],
  [
    'note starting with =',
    replaceIn('units.csv', 'A number of things.', '"=HYPERLINK(""http://x"",""y"")"'),
    'units.csv:3: definition:',
    'a spreadsheet runs as a formula',
  ],
  [
    'note starting with @',
    replaceIn('units.csv', 'A number of things.', '@SUM(A1)'),
    'units.csv:3: definition:',
    'start the text with a word',
  ],
  ['note starting with +', replaceIn('units.csv', 'A number of things.', '+1+2'), 'units.csv:3: definition:', 'formula'],
  ['note starting with -', replaceIn('units.csv', 'A number of things.', '-2+3'), 'units.csv:3: definition:', 'formula'],
  ['cell starting with a tab', replaceIn('units.csv', 'A number of things.', '"\t=1"'), 'units.csv:3: definition:', 'formula'],
  ['id that is not a slug', replaceIn('units.csv', 'percent,%', 'Per Cent,%'), 'units.csv:4: id:', 'lower-case slug'],
  ['parent that is not a slug', replaceIn('places.csv', ',qingdao\n', ',Qing Dao\n'), 'places.csv:', 'parent:'],
  [
    'UTF-8 byte-order mark',
    (d) => writeFileSync(join(d, 'units.csv'), `\uFEFF${text(d, 'units.csv')}`),
    'units.csv:1: -:',
    'byte-order mark',
  ],
  [
    'UTF-16 with a mark',
    (d) => writeFileSync(join(d, 'units.csv'), iconv.encode(text(d, 'units.csv'), 'utf16le', { addBOM: true })),
    'units.csv:1: -:',
    'UTF-16',
  ],
  [
    'UTF-16 without a mark',
    (d) => writeFileSync(join(d, 'units.csv'), iconv.encode(text(d, 'units.csv'), 'utf16le')),
    'units.csv:1: -:',
    'UTF-16',
  ],
  ['GBK', (d) => writeFileSync(join(d, 'places.csv'), iconv.encode(text(d, 'places.csv'), 'gbk')), 'places.csv:2: -:', 'not valid UTF-8'],
  [
    'invalid UTF-8 on line 3',
    (d) =>
      writeFileSync(
        join(d, 'units.csv'),
        Buffer.concat([Buffer.from(text(d, 'units.csv').split('\n').slice(0, 2).join('\n') + '\n'), Buffer.from([0x63, 0xff, 0x0a])]),
      ),
    'units.csv:3: -:',
    'byte 0xff',
  ],
  [
    'binary file',
    (d) => writeFileSync(join(d, 'units.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    'units.csv:3: -:',
    'binary',
  ],
  ['empty file', (d) => writeFileSync(join(d, 'units.csv'), ''), 'units.csv:1: -:', 'file is empty'],
  [
    'CR-only line endings',
    (d) => writeFileSync(join(d, 'units.csv'), text(d, 'units.csv').replaceAll('\n', '\r')),
    'units.csv:1: -:',
    'CR-only line endings',
  ],
  [
    'separated by ;',
    (d) => writeFileSync(join(d, 'units.csv'), text(d, 'units.csv').replaceAll(',', ';')),
    'units.csv:1: -:',
    'separated by ";"',
  ],
  [
    'separated by tab',
    (d) => writeFileSync(join(d, 'units.csv'), text(d, 'units.csv').replaceAll(',', '\t')),
    'units.csv:1: -:',
    'separated by tab',
  ],
  [
    'raw article in GBK',
    (d) => writeFileSync(join(d, 'sources/raw/b.txt'), iconv.encode(text(d, 'sources/raw/b.txt'), 'gbk')),
    'sources/raw/b.txt:1: -:',
    'not valid UTF-8',
  ],
  ['raw article empty', (d) => writeFileSync(join(d, 'sources/raw/b.txt'), ''), 'sources/raw/b.txt:1: -:', 'file is empty'],
  // references and language pairs declared once (table-facts.ts), spreadsheet safety on every cell (issue 19)
  [
    'a promise whose outcome is no figure',
    replaceIn('promises.csv', ',,not-reported,', ',no-such-figure,not-reported,'),
    'promises.csv:2: outcome:',
    '"no-such-figure" is not an id in figures.csv or derived.csv',
  ],
  [
    'a promise reason in English only',
    replaceIn('promises.csv', ',没有找到报道2023年签约项目的后续来源。', ','),
    'promises.csv:2: reason_zh:',
    'reason is given in English but not in Chinese',
  ],
  [
    'a promise event a spreadsheet would run',
    replaceIn('promises.csv', ',ev-2023-02-20-conference,', ',=1+1,'),
    'promises.csv:2: event:',
    'a spreadsheet runs as a formula',
  ],
  [
    'a promise outcome a spreadsheet would run',
    replaceIn('promises.csv', ',,not-reported,', ',@SUM(A1),not-reported,'),
    'promises.csv:2: outcome:',
    'a spreadsheet runs as a formula',
  ],
  // values compared with their quotes as decimal strings (issue 25)
  [
    'a value with decimals the quote does not print',
    replaceIn('figures.csv', ',2,count,', ',2.0,count,'),
    'figures.csv:5: value:',
    '2.0 is not written as the quote writes it (2)',
  ],
  [
    'a value beyond float precision',
    replaceIn('figures.csv', ',29.4,yi-usd,', ',29.400000000000001,yi-usd,'),
    'figures.csv:3: value:',
    'has 17 significant digits; the site computes with at most 15',
  ],
  [
    'a value of 400 digits',
    replaceIn('figures.csv', ',29.4,yi-usd,', `,${'9'.repeat(400)},yi-usd,`),
    'figures.csv:3: value:',
    'is too large to be a number the site can compute with',
  ],
  [
    'a computed value of 400 digits',
    replaceIn('derived.csv', ',49.9,percent,', `,${'9'.repeat(399)}.9,percent,`),
    'derived.csv:2: value:',
    'is too large',
  ],
  // what a path is, asked before it is opened (issue 25): tables as well as sources
  [
    'table that is a folder',
    (d) => (rmSync(join(d, 'units.csv')), mkdirSync(join(d, 'units.csv'))),
    'units.csv:1: -:',
    'is a folder, not a file',
  ],
  [
    'table that is a named pipe',
    (d) => (rmSync(join(d, 'units.csv')), mkfifo(join(d, 'units.csv'))),
    'units.csv:1: -:',
    'named pipe (FIFO)',
  ],
  [
    'table linked to a system file',
    (d) => (rmSync(join(d, 'units.csv')), symlinkSync('/etc/passwd', join(d, 'units.csv'))),
    'units.csv:1: -:',
    'leads outside',
  ],
  [
    'table linked outside the data folder',
    (d) => (rmSync(join(d, 'units.csv')), symlinkSync(join(valid, 'units.csv'), join(d, 'units.csv'))),
    'units.csv:1: -:',
    'leads outside',
  ],
  [
    'table that is a device',
    (d) => (rmSync(join(d, 'units.csv')), symlinkSync('/dev/zero', join(d, 'units.csv'))),
    'units.csv:1: -:',
    'leads outside',
  ],
  [
    'table linked to nothing',
    (d) => (rmSync(join(d, 'units.csv')), symlinkSync(join(d, 'gone.csv'), join(d, 'units.csv'))),
    'units.csv:1: -:',
    'link to nothing',
  ],
  [
    'source that is a folder',
    (d) => (rmSync(join(d, 'sources/raw/b.txt')), mkdirSync(join(d, 'sources/raw/b.txt'))),
    'sources.csv:3: file:',
    'is a folder, not a file',
  ],
  [
    'source that is a named pipe',
    (d) => (rmSync(join(d, 'sources/raw/b.txt')), mkfifo(join(d, 'sources/raw/b.txt'))),
    'sources.csv:3: file:',
    'named pipe (FIFO)',
  ],
  // characters that hide or reverse text, named by code point
  [
    'right-to-left override in a table',
    replaceIn('units.csv', 'A number of things.', 'A number of \u202Ethings.'),
    'units.csv:3: -:',
    'U+202E (RIGHT-TO-LEFT OVERRIDE)',
  ],
  ['isolate in a table', replaceIn('units.csv', 'A number of things.', 'A number of \u2066things.'), 'units.csv:3: -:', 'U+2066'],
  [
    'noncharacter U+FFFE in a table',
    replaceIn('units.csv', 'A number of things.', 'A number \uFFFE of things.'),
    'units.csv:3: -:',
    'U+FFFE, a Unicode noncharacter',
  ],
  [
    'noncharacter U+FDD0 in a source',
    (d) => writeFileSync(join(d, 'sources/raw/b.txt'), `${text(d, 'sources/raw/b.txt')}\uFDD0\n`),
    'sources/raw/b.txt:',
    'U+FDD0, a Unicode noncharacter',
  ],
  [
    'noncharacter in plane 16 in a source',
    (d) => writeFileSync(join(d, 'sources/raw/b.txt'), `\u{10FFFF}${text(d, 'sources/raw/b.txt')}`),
    'sources/raw/b.txt:1: -:',
    'U+10FFFF',
  ],
  [
    'bidi override in a source',
    (d) => writeFileSync(join(d, 'sources/raw/b.txt'), `\u202E${text(d, 'sources/raw/b.txt')}`),
    'sources/raw/b.txt:1: -:',
    'U+202E',
  ],
  [
    'byte-order mark inside a table',
    (d) => writeFileSync(join(d, 'units.csv'), text(d, 'units.csv').replace('\npercent,', '\n\uFEFFpercent,')),
    'units.csv:4: -:',
    'a byte-order mark (U+FEFF) stands inside the file, at character 1',
  ],
];

function mkfifo(path: string): void {
  const out = spawnSync('mkfifo', [path]);
  if (out.status !== 0) throw new Error(`mkfifo ${path}: ${out.stderr}`);
}

describe('hostile data: one problem each, at the right place', () => {
  it.each(cases)('%s', (_what, change, at, message) => {
    const problems = problemsOf(variant(change));
    const matching = problems.filter((p) => p.startsWith(at) && p.includes(message));
    expect(matching, problems.join('\n')).toHaveLength(1);
    // one message for the broken file; other files may only report what follows from it
    // (rows that refer to a refused row)
    const file = at.slice(0, at.indexOf(':'));
    expect(
      problems.filter((p) => p.startsWith(`${file}:`)),
      problems.join('\n'),
    ).toEqual(matching);
  });
});

describe('dates that cannot be (issue 25), checked against a build on 2026-06-01', () => {
  const BUILD_DAY = '2026-06-01';
  const check = (change: (dir: string) => void) => {
    const dir = variant(change);
    return checkData({ dataDir: dir, displayRoot: dir, buildDay: BUILD_DAY }).problems.map(formatProblem);
  };
  // art-simp (sources.csv:3) states no date in the fixture; these give it one
  const published = (y: string, m: string, d: string) =>
    replaceIn('sources.csv', 'Test fixture,,,,,stated', `Test fixture,,${y},${m},${d},stated`);

  it('the fixture passes on that day', () => {
    expect(check(() => undefined)).toEqual([]);
  });
  it.each([
    [
      'an event in year 0000',
      replaceIn('events.csv', 'ev-2023-02-20-conference,2023,', 'ev-2023-02-20-conference,0000,'),
      'events.csv:2: year: 0000 is outside the years the dataset covers (1978–2026',
    ],
    [
      'an event in year 9999',
      replaceIn('events.csv', 'ev-2023-02-20-conference,2023,', 'ev-2023-02-20-conference,9999,'),
      'events.csv:2: year: 9999 is outside the years the dataset covers',
    ],
    [
      'a source published in 2099',
      published('2099', '', ''),
      'sources.csv:3: published_year: 2099 is outside the years the dataset covers',
    ],
    [
      'a source published after the build',
      published('2026', '7', '1'),
      'sources.csv:3: published_day: published 2026-07-01, after the day of this build (2026-06-01)',
    ],
    [
      'an event dated after the source reporting it',
      published('2023', '1', ''),
      'events.csv:2: day: dated 2023-02-20, after art-simp reporting it was published (2023-01)',
    ],
    [
      'an outcome for a period after the build year',
      replaceIn(
        'figures.csv',
        '2020-01-01,2020-06-30,qingdao,actual,,art-trad,实际利用外资',
        '2020-01-01,2099-06-30,qingdao,actual,,art-trad,实际利用外资',
      ),
      'figures.csv:3: period_end: 2099-06-30 is after 2026, the year of this build',
    ],
    [
      'a period before 1978',
      replaceIn(
        'figures.csv',
        '2020-01-01,2020-06-30,qingdao,actual,,art-trad,实际利用外资',
        '1900-01-01,2020-06-30,qingdao,actual,,art-trad,实际利用外资',
      ),
      'figures.csv:3: period_start: 1900-01-01 is before 1978',
    ],
    [
      'a correction dated after the build',
      (d: string) =>
        writeFileSync(
          join(d, 'corrections.csv'),
          `${text(d, 'corrections.csv')}2026-07-01,1.0.1,fdi-2022,value,60.5,60.5,Checked.,核对。\n`,
        ),
      'corrections.csv:2: date: 2026-07-01 is after the day of this build',
    ],
  ])('%s: refused with file:line: column', (_what, change, expected) => {
    const problems = check(change);
    expect(
      problems.filter((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toHaveLength(1);
    const file = expected.slice(0, expected.indexOf(':'));
    expect(
      problems.filter((p) => p.startsWith(`${file}:`)),
      problems.join('\n'),
    ).toHaveLength(1);
  });
  it('an outcome whose period ends after its source was published: every such figure, and nothing else', () => {
    const problems = check(published('2022', '11', '30'));
    expect(problems).toEqual([
      ...[6, 7, 8, 9].map(
        (line) =>
          `figures.csv:${line}: period_end: the period ends 2022-12-31, after art-simp was published (2022-11-30): an outcome cannot be reported before its period ends; check the period, the status or the source's date`,
      ),
      'events.csv:2: day: dated 2023-02-20, after art-simp reporting it was published (2022-11-30): check the date or the source',
    ]);
  });
});

describe('the corrections guard cannot be bypassed (issue 25)', () => {
  /** the fixture released as `version` (its figures as they stand), then fdi-2022-services re-qualified */
  const released =
    (...versions: string[]) =>
    (d: string) => {
      for (const v of versions) {
        mkdirSync(join(d, 'releases', v), { recursive: true });
        cpSync(join(d, 'figures.csv'), join(d, 'releases', v, 'figures.csv'));
        cpSync(join(d, 'derived.csv'), join(d, 'releases', v, 'derived.csv'));
        writeFileSync(join(d, 'releases', v, 'derived-qualifiers.csv'), 'id,qualifier\nfdi-2022-manufacturing-share,exact\n');
      }
    };
  const requalify = replaceIn(
    'figures.csv',
    'fdi-2022-services,fdi-actual,30.3,yi-usd,exact,',
    'fdi-2022-services,fdi-actual,30.3,yi-usd,approximate,',
  );
  const log =
    (...rows: string[]) =>
    (d: string) =>
      writeFileSync(join(d, 'corrections.csv'), `${text(d, 'corrections.csv')}${rows.join('')}`);
  const ROW = '2026-01-02,1.0.1,fdi-2022-services,qualifier,exact,approximate,Re-read.,重新核对。\n';
  const all =
    (...changes: ((d: string) => void)[]) =>
    (d: string) =>
      changes.forEach((c) => c(d));

  it('the fixture released as 1.0.0 with a logged change passes', () => {
    expect(problemsOf(variant(all(released('1.0.0'), requalify, log(ROW))))).toEqual([]);
  });
  it('an unlogged change against 1.0.0 is refused', () => {
    expect(problemsOf(variant(all(released('1.0.0'), requalify)))).toEqual([
      expect.stringMatching(/^figures\.csv:8: qualifier: changed since release 1\.0\.0 \("exact" → "approximate"\) with no row/u),
    ]);
  });
  it('a release folder above the package version is refused and not compared with, so the change still shows', () => {
    const problems = problemsOf(variant(all(released('1.0.0'), requalify, released('9.9.9'))));
    expect(problems).toEqual([
      expect.stringMatching(/^releases\/9\.9\.9:1: -: release 9\.9\.9 is above the dataset's version \(\d+\.\d+\.\d+ in package\.json\)/u),
      expect.stringMatching(/^figures\.csv:8: qualifier: changed since release 1\.0\.0/u),
    ]);
  });
  it('a release folder that holds an unlogged change is refused', () => {
    const problems = problemsOf(variant(all(released('1.0.0'), requalify, released('1.0.1'))));
    expect(problems).toEqual([
      'releases/1.0.1:1: qualifier: release 1.0.1 changes "fdi-2022-services" from release 1.0.0 ("exact" → "approximate"), but data/corrections.csv logs no such change with version 1.0.1: a release folder must hold the figures as released',
    ]);
  });
  it('the same release folder with its change logged under its version passes', () => {
    expect(problemsOf(variant(all(released('1.0.0'), requalify, released('1.0.1'), log(ROW))))).toEqual([]);
  });
  it('a field corrected in two releases: each row checked against the release it belongs to', () => {
    const again = replaceIn(
      'figures.csv',
      'fdi-2022-services,fdi-actual,30.3,yi-usd,approximate,',
      'fdi-2022-services,fdi-actual,30.3,yi-usd,at-least,',
    );
    const ROW2 = '2026-01-03,1.0.2,fdi-2022-services,qualifier,approximate,at-least,Re-read again.,再次核对。\n';
    expect(problemsOf(variant(all(released('1.0.0'), requalify, released('1.0.1'), again, log(ROW, ROW2))))).toEqual([]);
    // without the second row the change since 1.0.1 is unlogged
    expect(problemsOf(variant(all(released('1.0.0'), requalify, released('1.0.1'), again, log(ROW))))).toEqual([
      expect.stringMatching(/^corrections\.csv:2: new: says qualifier became "approximate", but it is "at-least"/u),
      expect.stringMatching(/^figures\.csv:8: qualifier: changed since release 1\.0\.1 \("approximate" → "at-least"\)/u),
    ]);
  });
  it('a figure removed in a kept release: its removal row belongs to that release', () => {
    const remove = (d: string) => writeFileSync(join(d, 'figures.csv'), text(d, 'figures.csv').replace(/^fdi-yoy-2020h1,.*\n/mu, ''));
    const ROW_REMOVED = '2026-01-02,1.0.1,fdi-yoy-2020h1,removed,5.2,,Withdrawn.,撤回。\n';
    expect(problemsOf(variant(all(released('1.0.0'), remove, released('1.0.1'), log(ROW_REMOVED))))).toEqual([]);
  });
  it('a duplicated log row is refused, once', () => {
    expect(problemsOf(variant(all(released('1.0.0'), requalify, log(ROW, ROW))))).toEqual([
      'corrections.csv:3: figure: repeats the change logged at corrections.csv:2 (1.0.1, fdi-2022-services, qualifier): log each change once',
    ]);
  });
  it('a file among the release folders is refused', () => {
    expect(problemsOf(variant(all(released('1.0.0'), (d) => writeFileSync(join(d, 'releases', 'notes.txt'), 'x\n'))))).toEqual([
      'releases/notes.txt:1: -: is not a release folder: data/releases/ holds only folders named by a released version (such as 1.0.0)',
    ]);
  });
});

describe('npm run normalize -- FILE on files that are not articles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-norm-'));
  made.push(dir);
  const run = (name: string, bytes: Uint8Array | string) => {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/normalize.ts', f], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  };
  it.each([
    ['empty.txt', '', 'file is empty'],
    ['binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), 'binary'],
    ['gbk.txt', iconv.encode('青岛市招商引资\n', 'gbk'), 'not valid UTF-8'],
    ['utf16.txt', iconv.encode('青岛市招商引资\n', 'utf16le', { addBOM: true }), 'UTF-16'],
    ['cr.txt', '第一行\r第二行\r', 'CR-only'],
  ])(
    '%s: exits 1 naming the file and what it is',
    (name, bytes, message) => {
      const out = run(name, bytes);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain(`${name}:1: `);
      expect(out.stderr).toContain(message);
      expect(out.stderr).not.toMatch(/\n\s+at /u); // no stack trace
      expect(out.stdout).toBe('');
    },
    30_000,
  );
});

import { idFromHash, parseExplorerQuery, FILTER_PARAMS } from '../../src/lib/explorer/filter.ts';
describe('the data explorer survives any address', () => {
  const allowed = Object.fromEntries(FILTER_PARAMS.map((p) => [p, new Set<string>()])) as unknown as Parameters<
    typeof parseExplorerQuery
  >[1];
  it.each(['#%E0%A4%A', '#%', '#%zz', '#%ED%A0%80'])('a malformed fragment %s names no row and does not throw', (hash) => {
    expect(() => idFromHash(hash)).not.toThrow();
    expect(idFromHash(hash)).toBeUndefined();
  });
  it('still decodes a good fragment', () => {
    expect(idFromHash('#row-%E5%A4%96')).toBe('row-外');
    expect(idFromHash('#')).toBeUndefined();
  });
  it.each(['?year=%E0%A4%A', '?%=1', '?q=%', '?sort=%ff&sort=x'])('a malformed query %s is reported, not thrown', (q) => {
    expect(() => parseExplorerQuery(q, allowed)).not.toThrow();
  });
});
