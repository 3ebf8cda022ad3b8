/**
 * npm run ingest end to end: a real process on real files in a temp folder, with a copy of the
 * small valid dataset of test/fixtures/ as DATA_DIR, and the data check run on what it writes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir: string;
let data: string;
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: data },
  });

// an invented article: none of its sentences comes from a source
const ARTICLE = [
  '青岛市港口建设推进会召开',
  '本报2025年5月20日讯 今天上午，青岛市港口建设推进会召开。',
  '今年一季度，全市新开业酒店12家，实际到账外资3.2亿美元，同比增长8.5%。崂山区新签约项目三十个，占全市15%。',
  '潍河市新签约项目9个。',
  '一季度全市新增市场主体3千多家，港口客流量是上年同期的1.5倍。',
  '会议提出，年内力争新开业酒店50家以上。',
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
  data = join(dir, 'data');
  cpSync('test/fixtures/data-valid', data, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ingest', () => {
  it('writes a draft the data check accepts, and a review page', () => {
    const file = join(data, 'sources', 'raw', 'port-meeting.txt');
    writeFileSync(file, ARTICLE);
    const out = join(dir, 'draft-ok');
    const r = run('ingest', [file, '--source', 'port-2025-05-20', '--out', out, '--review']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const figures = readFileSync(join(out, 'figures.csv'), 'utf8');
    expect(figures.split('\n')[0]).toBe(readFileSync('data/figures.csv', 'utf8').split('\n')[0]);
    expect(figures).toContain(',12,count,exact,2025-01-01,2025-03-31,qingdao,actual,');
    expect(figures).toContain(',3.2,yi-usd,exact,2025-01-01,2025-03-31,qingdao,actual,');
    expect(figures).toContain(',30,count,exact,2025-01-01,2025-03-31,laoshan,actual,');
    expect(figures).toContain(',50,count,at-least,2025-01-01,2025-12-31,qingdao,target,');
    expect(figures).toContain(',3000,count,more-than,2025-01-01,2025-03-31,qingdao,actual,');
    expect(figures).toContain(',1.5,times,exact,2025-01-01,2025-03-31,qingdao,actual,');
    expect(readFileSync(join(out, 'units.csv'), 'utf8')).toContain('times,倍,times,ratio,');
    expect(readFileSync(join(out, 'places.csv'), 'utf8')).toContain('潍河市');
    expect(readFileSync(join(out, 'promises.csv'), 'utf8')).toContain('not-reported');
    expect(readFileSync(join(out, 'sources.csv'), 'utf8')).toContain('port-2025-05-20,raw/port-meeting.txt,');
    const html = readFileSync(join(out, 'review.html'), 'utf8');
    expect(html).toContain('<mark>');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/u);
    const check = run('data-check', ['--with', out]);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('reads a GB18030 file; rows without a year are left XXXX and refused by the check', () => {
    const file = join(data, 'sources', 'raw', 'no-year.txt');
    writeFileSync(file, iconv.encode('上半年，青岛市新开业酒店7家。', 'gb18030'));
    const out = join(dir, 'draft-xxxx');
    const r = run('ingest', [file, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/GB18030/u);
    expect(r.stdout).toMatch(/1 row\(s\) have the year XXXX/u);
    expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toContain(',7,count,exact,XXXX-01-01,XXXX-06-30,');
    const check = run('data-check', ['--with', out]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/figures\.csv:2: period_start: must be an ISO date/u);
    rmSync(file);
  });

  it('bad input: one message naming the file, exit 1, nothing written', () => {
    const cases: [string, Buffer | string, RegExp][] = [
      ['empty.txt', '', /empty\.txt:1: file is empty/u],
      ['blank.txt', '  \n\n', /blank\.txt:1: file holds only white space/u],
      ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary\.txt:1: file is binary/u],
      // not UTF-8; as GB18030 four-byte codes of no Chinese character, and not Big5
      ['garbled.txt', Buffer.from([0x81, 0x30, 0x81, 0x30, 0x81, 0x30, 0x81, 0x31, 0x0a]), /garbled\.txt:1: unreadable encoding/u],
      ['nothing.txt', '今天天气很好，大家都来了。', /nothing\.txt: no figures found/u],
    ];
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, content);
      const out = join(dir, `out-${name}`);
      const r = run('ingest', [file, '--out', out]);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(2);
      expect(existsSync(out), name).toBe(false);
    }
    const missing = run('ingest', [join(dir, 'missing.txt')]);
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringMatching(/missing\.txt: cannot read the file \(ENOENT\)/u)]);
  });

  it('refuses a draft folder that already holds files, and writes nothing', () => {
    const file = join(dir, 'again.txt');
    writeFileSync(file, '2030年，青岛市新开业酒店12家。');
    const out = join(dir, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'figures.csv'), 'kept\n');
    const r = run('ingest', [file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already holds files/u);
    expect(readdirSync(out)).toEqual(['figures.csv']);
    expect(readFileSync(join(out, 'figures.csv'), 'utf8')).toBe('kept\n');
    const empty = join(dir, 'empty-dir');
    mkdirSync(empty);
    expect(run('ingest', [file, '--out', empty]).status).toBe(0);
  });
});
