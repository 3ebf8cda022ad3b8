import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { normalize, unsupportedRepairs, NormalizeError } from '../../src/lib/text/normalize.ts';
import { checkData } from '../../src/lib/data/check.ts';
import { rulesFor } from '../../src/lib/data/normalization-rules.ts';

const dataDir = new URL('../../data/', import.meta.url).pathname;

describe('normalize: one rule at a time, on excerpts of the real articles', () => {
  it('strips pinyin in parentheses after a character (2020 report)', () => {
    const { text, changes } = normalize('全市新設(shè)立外資企業(yè)408家');
    expect(text).toBe('全市新设立外资企业408家');
    expect(changes.filter((c) => c.rule === 'pinyin').map((c) => c.before)).toEqual(['(shè)', '(yè)']);
  });

  it('leaves parentheses that are not pinyin alone', () => {
    expect(normalize('“雙招雙引”(2.0版)攻勢').text).toBe('“双招双引”(2.0版)攻势');
    expect(normalize('欧力士(中国)投资公司').text).toBe('欧力士(中国)投资公司');
    expect(normalize('设立日韩、欧美、台港澳、RCEP(Regional)').text).toBe('设立日韩、欧美、台港澳、RCEP(Regional)');
  });

  it('converts traditional characters with OpenCC and logs each conversion', () => {
    const { text, changes } = normalize('實際利用外資29.4億美元,總量位列全省第一');
    expect(text).toBe('实际利用外资29.4亿美元,总量位列全省第一');
    expect(changes.some((c) => c.rule === 'traditional' && c.before === '億' && c.after === '亿')).toBe(true);
  });

  it('leaves simplified text unchanged', () => {
    const s = '今年一季度,青岛市新签约亿元以上项目255个,计划总投资2146.6亿元。';
    expect(normalize(s)).toEqual({ text: s, changes: [] });
  });

  it('removes placeholder boxes and logs each run (2025 meeting)', () => {
    const { text, changes } = normalize('对于扩大有效需求□□□、优化产业结构□□、培育发展新质生产力');
    expect(text).toBe('对于扩大有效需求、优化产业结构、培育发展新质生产力');
    expect(changes.map((c) => c.before)).toEqual(['□□□', '□□']);
  });

  it('removes stray symbols ㊣ and ✅ (2025 meeting)', () => {
    const { text, changes } = normalize('26日✅下午,市委、省委✅经济工作㊣会议精神,出㊣席');
    expect(text).toBe('26日下午,市委、省委经济工作会议精神,出席');
    expect(changes.filter((c) => c.rule === 'stray-symbol')).toHaveLength(4);
  });

  it('removes a listed spliced fragment and requires it to occur exactly once', () => {
    const raw = '推动经济高质量发展的“源头活水”科技信息咨询,对于扩大有效需求';
    const splice = { text: '科技信息咨询', reason: 'advertising keyword inserted mid-sentence' };
    expect(normalize(raw, { splices: [splice] }).text).toBe('推动经济高质量发展的“源头活水”,对于扩大有效需求');
    expect(() => normalize('没有这段', { splices: [splice] })).toThrow(NormalizeError);
    expect(() => normalize(`${raw}${raw}`, { splices: [splice] })).toThrow(/occurs 2 times/u);
  });

  it('replaces a listed mojibake span with its recorded repair, keeping lost parts marked', () => {
    const raw = '?。ㄋ模┐罅﹂_展社會(huì)化市場(chǎng)化招商';
    const rule = { span: '?。ㄋ模┐罅﹂_', repaired: '⟪?⟫（四）大力開', note: 'heading' };
    expect(normalize(raw, { mojibake: [rule] }).text).toBe('⟪?⟫（四）大力开展社会化市场化招商');
  });

  it('keeps a character lost in encoding with its surviving pinyin, marked', () => {
    const { text } = normalize('行業(yè)百?gòu)?qiáng)、地方百?gòu)?qiáng)企業(yè)');
    expect(text).toBe('行业百⟪?gòu)⟫⟪?qiáng)⟫、地方百⟪?gòu)⟫⟪?qiáng)⟫企业');
  });
});

describe('mojibake repairs are supported by the bytes', () => {
  it('accepts a repair whose characters are in the shifted GBK bytes', () => {
    expect(unsupportedRepairs('?。ㄒ唬┐罅ν苿?dòng)', '⟪?⟫（一）大力推⟪苿?dòng)⟫')).toEqual([]);
    expect(unsupportedRepairs('?,F', '⟪?⟫現')).toEqual([]);
  });
  it('rejects a repair that invents characters', () => {
    expect(unsupportedRepairs('?,F', '⟪?⟫海現')).toEqual(['海現']);
    expect(unsupportedRepairs('?。ǘI', '⟪?⟫（二）專')).toEqual(['（二）專']);
  });
  it('the mojibake really is GBK read one byte late', () => {
    const original = iconv.encode('　（四）大力開', 'gbk');
    const shifted = iconv.decode(Buffer.concat([Buffer.from([0x81]), original]), 'gbk');
    expect(shifted).toContain('。ㄋ模┐罅﹂');
  });
});

describe('every run of digits in a raw article survives into its clean text', () => {
  const report = checkData({ dataDir });
  const rules = { splices: report.tables.splices.map((r) => r.row), mojibake: report.tables.mojibake.map((r) => r.row) };
  for (const { row: source } of report.tables.sources) {
    it(source.id, () => {
      const raw = readFileSync(`${dataDir}sources/${source.file}`, 'utf8');
      const removedOnPurpose = rulesFor(source.id, rules).splices.map((s) => s.text);
      let rawKept = raw;
      for (const s of removedOnPurpose) rawKept = rawKept.replace(s, '');
      const clean = normalize(raw, rulesFor(source.id, rules)).text;
      const digitRuns = (s: string) => [...s.matchAll(/\d+/gu)].map((m) => m[0]);
      expect(digitRuns(clean)).toEqual(digitRuns(rawKept));
    });
  }
});

import { numbersIn, numberTextsIn } from '../../src/lib/text/numbers-in-text.ts';
describe('numbersIn: the numbers a quote states', () => {
  it('reads Arabic numbers with decimals', () => {
    expect(numbersIn('新签约亿元以上项目255个,计划总投资2146.6亿元')).toEqual(expect.arrayContaining([255, 2146.6]));
  });
  it('reads Chinese numerals, including the colloquial 两', () => {
    expect(numbersIn('举办两场春季重点招商项目网上签约活动')).toContain(2);
    expect(numbersIn('十大新兴产业')).toContain(10);
    expect(numbersIn('二十四条产业链')).toContain(24);
  });
  it('reads 千亿元 as 1000 (亿元) and 过万家 as 1 (万家)', () => {
    expect(numbersIn('交易额突破千亿元')).toContain(1000);
    expect(numbersIn('入驻企业过万家')).toContain(1);
  });
  it('reads 千 or 百 after Arabic digits as multiplying them (3千多家 states 3000)', () => {
    expect(numberTextsIn('新增摊位3千多个')).toContain('3000');
    expect(numberTextsIn('志愿者1.5千人')).toContain('1500');
    expect(numberTextsIn('站点0.5百个')).toContain('50');
  });
  it('does not read a multiplier after an Arabic number as a number', () => {
    expect(numbersIn('各类人才9.25万')).toEqual([9.25]);
  });
});

import { spawnSync } from 'node:child_process';
// each case starts a Node with tsx's loader (one process; the tsx command would start two):
// seconds on a busy 2-core machine
describe('npm run normalize -- FILE (the command)', { timeout: 30_000 }, () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/normalize.ts', ...args], { encoding: 'utf8' });
  it('prints the clean text of an article, in simplified characters', () => {
    const out = run('data/sources/raw/004_46882168b7554399.txt');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('全市新设立外资企业408家,实际利用外资29.4亿美元');
    expect(out.stdout).not.toContain('(shè)');
  });
  it('lists every change on stderr with --changes', () => {
    const out = run('data/sources/raw/002_7443d2daf0492a21.txt', '--changes');
    expect(out.status).toBe(0);
    expect(out.stderr).toMatch(/^splice\t"科技信息咨询"/mu);
  });
  it('exits non-zero naming the file it cannot read', () => {
    const out = run('data/sources/raw/no-such-file.txt');
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('cannot read data/sources/raw/no-such-file.txt: ENOENT');
    expect(out.stdout).toBe('');
  });
  it('exits 2 with usage when no file is given', () => {
    const out = run();
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: npm run normalize -- FILE');
  });
});
