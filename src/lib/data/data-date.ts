/**
 * When the data last changed: the date of the last commit that touched data/ (a correction,
 * a new source, a re-read quote all land there). The front page prints it as "数据更新".
 * A build outside a git checkout can give it as DATA_CHANGED=YYYY-MM-DD; with neither, the
 * date is unknown and the page says nothing rather than guess (the build warns).
 */
import { execFileSync } from 'node:child_process';
import { DATA_DIR } from './dataset.ts';

let cached: { date: string | undefined } | undefined;

export function dataLastChanged(env: Record<string, string | undefined> = process.env): string | undefined {
  if (cached) return cached.date;
  const given = env['DATA_CHANGED'];
  if (given !== undefined && given !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(given)) throw new Error(`DATA_CHANGED="${given}" must be a date YYYY-MM-DD`);
    cached = { date: given };
    return given;
  }
  let date: string | undefined;
  try {
    // %cs: committer date, YYYY-MM-DD; uncommitted edits count from the day of the build
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', DATA_DIR], { cwd: DATA_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', DATA_DIR], { cwd: DATA_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    date = dirty !== '' ? new Date().toISOString().slice(0, 10) : /^\d{4}-\d{2}-\d{2}$/u.test(out) ? out : undefined;
  } catch {
    date = undefined;
  }
  if (date === undefined) console.warn('data date: data/ is not in a git checkout and DATA_CHANGED is not set: the front page omits "数据更新"');
  cached = { date };
  return date;
}
