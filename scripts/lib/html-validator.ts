/**
 * The W3C Nu HTML checker (the vnu-jar package, run with the machine's Java) over folders of
 * built pages, its errors as "file:line:column: message". One run of the checker for every
 * folder given, since starting Java costs more than checking a page.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/**
 * What the checker itself gets wrong, not the pages: it does not know CSS container queries yet
 * (https://github.com/validator/validator/issues/1557). Matched whole, so nothing else is excused.
 */
export const CHECKER_GAPS: readonly string[] = [
  'CSS: Unrecognized at-rule “@container”',
  "CSS: “container-type”: Property “container-type” doesn't exist.",
];

export interface HtmlError {
  /** the page's path relative to the folder the run was asked about's parent (dist/x/index.html) */
  file: string;
  line: number;
  column: number;
  message: string;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

const require = createRequire(import.meta.url);

/** the path of vnu.jar inside the vnu-jar package (its own Java downloader is not used: the machine's Java runs it) */
export function vnuJar(): string {
  return join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
}

/** Every error the checker reports on the HTML files under `dirs` (folders, or single pages), gaps of the checker left out. */
export async function checkHtml(dirs: readonly string[], cwd: string): Promise<HtmlError[]> {
  // a short run: the quick JIT tier and the serial collector halve its CPU time (21 s → 10 s for
  // dist/); the checker needs a deeper stack than the quick tier leaves it by default
  const jvm = ['-Xss2m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
  const args = [...jvm, '-jar', vnuJar(), '--errors-only', '--format', 'json', '--skip-non-html', ...dirs];
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((done, fail) => {
    const child = spawn('java', args, { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e) =>
      fail(
        new Error(
          `html check: could not start java (${e.message}); install a Java 11+ runtime (Debian: apt-get install default-jre-headless)`,
        ),
      ),
    );
    child.on('close', (c) => done({ stdout: out, stderr: err, code: c }));
  });
  // the JSON report goes to stderr; the exit status is 1 when there are errors
  const text = stderr.trim() || stdout.trim();
  let report: { messages: VnuMessage[] };
  try {
    report = JSON.parse(text) as { messages: VnuMessage[] };
  } catch {
    throw new Error(`html check: the checker did not report (exit ${code}):\n${text.slice(0, 2000)}`);
  }
  return report.messages
    .filter((m) => m.type === 'error' || (m.type === 'non-document-error' && m.subType !== undefined))
    .filter((m) => !CHECKER_GAPS.includes(m.message))
    .map((m) => ({
      file: m.url ? relative(cwd, new URL(m.url).pathname) : '(no file)',
      line: m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
    }));
}

export function formatHtmlError(e: HtmlError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
