/**
 * When this build happened: SOURCE_DATE_EPOCH when set (so a reproducible build can pin it),
 * else now. Read in one place so the data package, the citation and the static images carry
 * the same instant, and a malformed SOURCE_DATE_EPOCH stops the build instead of being
 * ignored in one place and honoured in another.
 */

export interface BuildDate {
  /** ISO 8601 instant without milliseconds: 2026-01-01T00:00:00Z */
  instant: string;
  /** the calendar day in Qingdao (Asia/Shanghai), YYYY-MM-DD */
  day: string;
}

export function readBuildDate(env: Record<string, string | undefined>, now: () => Date = () => new Date()): BuildDate {
  const epoch = env['SOURCE_DATE_EPOCH'];
  let when: Date;
  if (epoch === undefined || epoch === '') when = now();
  else if (/^\d+$/u.test(epoch)) when = new Date(Number(epoch) * 1000);
  else
    throw new Error(
      `SOURCE_DATE_EPOCH="${epoch}" is not a whole number of seconds since 1970-01-01; unset it or give e.g. SOURCE_DATE_EPOCH=$(date +%s)`,
    );
  if (Number.isNaN(when.getTime())) throw new Error(`SOURCE_DATE_EPOCH="${epoch}" is out of the range of dates`);
  return {
    instant: when.toISOString().replace(/\.\d{3}Z$/u, 'Z'),
    // en-CA writes dates as YYYY-MM-DD
    day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(when),
  };
}

let cached: BuildDate | undefined;

/** This process's build date, read once so every file made in one build carries the same date. */
export function buildDate(): BuildDate {
  cached ??= readBuildDate(process.env);
  return cached;
}
