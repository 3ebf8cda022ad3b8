import { describe, expect, it } from 'vitest';
import { readBuildDate } from '../../src/lib/site/build-date.ts';

describe('readBuildDate', () => {
  it('pins the instant and the Qingdao calendar day to SOURCE_DATE_EPOCH', () => {
    // 2025-12-31T16:30:00Z is already 1 January 2026 in Qingdao
    expect(readBuildDate({ SOURCE_DATE_EPOCH: '1767198600' })).toEqual({ instant: '2025-12-31T16:30:00Z', day: '2026-01-01' });
  });
  it('uses the clock when SOURCE_DATE_EPOCH is unset or empty', () => {
    const now = () => new Date('2026-03-04T05:06:07.891Z');
    expect(readBuildDate({}, now).instant).toBe('2026-03-04T05:06:07Z');
    expect(readBuildDate({ SOURCE_DATE_EPOCH: '' }, now).day).toBe('2026-03-04');
  });
  it.each(['yesterday', '1.5', '-3', '1e9', '99999999999999999'])('refuses SOURCE_DATE_EPOCH=%s with its value in the message', (v) => {
    expect(() => readBuildDate({ SOURCE_DATE_EPOCH: v })).toThrow(`SOURCE_DATE_EPOCH="${v}"`);
  });
});
