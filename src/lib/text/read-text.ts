/**
 * Reads a file as what it is. data/ and the articles are UTF-8 text with LF (or CRLF) line
 * ends; anything else (a byte-order mark, UTF-16, GBK, a binary file, an empty file, old Mac
 * CR-only line ends, characters that hide or reverse text, a file too big) is refused with one
 * message that names the file and, where there is one, the line. Nothing is decoded with
 * U+FFFD in place of bytes it could not read: that would lose text silently.
 *
 * Every file the data check reads goes through `readDataFile`, which first asks what the path
 * is (without opening it): a folder, a named pipe (which would block the check for ever), a
 * device, a socket or a symbolic link leading out of the folder it belongs to is refused.
 */
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';

/**
 * The largest article read: 4 MB. The biggest article is a few tens of kB; a file far above
 * that is not an article, and reading it whole (plus the normaliser's copies) would take
 * memory in proportion (normalising a 15 MB file peaked at 570 MB RSS). Checked before a byte
 * is read, so a 50 MB file costs nothing.
 */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/**
 * The largest table read: 64 MB. A figure row is about 170 bytes, so figures.csv holds some
 * 390,000 figures below it (100,000 figures are about 17 MB); a table is parsed once, not
 * normalised, so it costs memory in proportion only once.
 */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;
/** figures a table of MAX_TABLE_BYTES holds, at about 170 bytes a row, for the message */
const FIGURES_PER_TABLE = Math.floor(MAX_TABLE_BYTES / 170 / 10_000) * 10_000;

export interface TextFault {
  line: number;
  message: string;
  /** the fault is what the path is (missing, a folder, a pipe, a link out), not what the file holds */
  path?: boolean;
}

export type TextResult = { text: string } | { fault: TextFault };

export type FileKind = 'article' | 'table';

const tooBig = (size: number, kind: FileKind): TextFault | undefined => {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (kind === 'table' && size > MAX_TABLE_BYTES) {
    return {
      line: 1,
      message: `file is ${mb(size)}, above the limit of ${mb(MAX_TABLE_BYTES)} for a table (about ${FIGURES_PER_TABLE.toLocaleString('en')} figures): check it is the right file`,
    };
  }
  if (kind === 'article' && size > MAX_TEXT_BYTES) {
    return {
      line: 1,
      message: `file is ${mb(size)}, above the limit of ${mb(MAX_TEXT_BYTES)} for a text file here; an article is a few tens of kB: split it or check it is the right file`,
    };
  }
  return undefined;
};

/** Reads a file whole if it is acceptable UTF-8 text; the fault otherwise. Throws only on I/O errors (ENOENT…). */
export function readTextFile(path: string, kind: FileKind = 'article'): TextResult {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const big = tooBig(size, kind);
    if (big) return { fault: big };
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeText(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** What a path is, in words, when it is not a regular file. */
function notAFile(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a folder, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a file: it is not read (reading it would wait for a writer for ever)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a file: it is not read';
  if (st.isSocket()) return 'is a socket, not a file: it is not read';
  return 'is not a regular file';
}

/**
 * Reads a file of the dataset: a regular file inside `root` (the data folder, or
 * data/sources/ for articles), looked at before it is opened. A missing file, a folder, a
 * pipe, a device or a link out of `root` is a fault with a message, never an exception
 * or a wait; a file that is read is then held to readTextFile's rules.
 */
export function readDataFile(path: string, opts: { root: string; rootName: string; kind: FileKind }): TextResult {
  const { root, rootName, kind } = opts;
  const pathFault = (message: string): TextResult => ({ fault: { line: 1, message, path: true } });
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return pathFault('file is missing');
    return pathFault(`file cannot be read (${code ?? String(e)})`);
  }
  let st = link;
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
    if (link.isSymbolicLink()) st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return pathFault(
      code === 'ENOENT' ? 'file is a symbolic link to nothing (its target is missing)' : `file cannot be read (${code ?? String(e)})`,
    );
  }
  if (!real.startsWith(`${realRoot}${sep}`))
    return pathFault(`file leads outside ${rootName} (a symbolic link to ${real}): put the file itself there`);
  const what = notAFile(st);
  if (what) return pathFault(`${link.isSymbolicLink() ? `file is a link to ${real}, which ` : 'file '}${what}`);
  const big = tooBig(st.size, kind);
  if (big) return { fault: big };
  try {
    return readTextFile(real, kind);
  } catch (e) {
    return pathFault(`file cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

const lineAt = (bytes: Uint8Array, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** The checks of readTextFile on bytes already in memory. */
export function decodeText(bytes: Uint8Array): TextResult {
  const fault = (offset: number, message: string): TextResult => ({ fault: { line: lineAt(bytes, offset), message } });
  if (bytes.length === 0) return { fault: { line: 1, message: 'file is empty' } };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fault(0, 'file starts with a UTF-8 byte-order mark (as spreadsheet programs save "CSV UTF-8"): save it as UTF-8 without BOM');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fault(0, 'file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a mark puts a NUL beside every ASCII character
    const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
    let odd = 0;
    let even = 0;
    sample.forEach((b, i) => {
      if (b !== 0) return;
      if (i % 2 === 1) odd++;
      else even++;
    });
    const half = sample.length / 2;
    if (sample.length >= 16 && (odd >= 0.4 * half || even >= 0.4 * half) && Math.min(odd, even) <= 0.05 * half)
      return fault(nul, 'file looks like UTF-16 without a byte-order mark (every other byte is 0): save it as UTF-8');
    return fault(nul, `file is binary, not text (a NUL byte at byte ${nul + 1})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fault(
      at,
      `file is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at + 1}); if it is GBK or GB18030, convert it: iconv -f GB18030 -t UTF-8`,
    );
  }
  // control characters other than tab, LF and CR mean the file is not text
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.exec(text);
  if (control) {
    return {
      fault: {
        line: text.slice(0, control.index).split('\n').length,
        message: `file is binary, not text (control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`,
      },
    };
  }
  const hidden = HIDDEN.exec(text);
  if (hidden) {
    const before = text.slice(0, hidden.index);
    const line = before.split('\n').length;
    const column = hidden.index - before.lastIndexOf('\n');
    return { fault: { line, message: hiddenMessage(hidden[0].codePointAt(0) as number, column) } };
  }
  const loneCr = /\r(?!\n)/u.exec(text);
  if (loneCr) {
    const onlyCr = !text.includes('\n');
    return {
      fault: {
        line: onlyCr ? 1 : text.slice(0, loneCr.index).split('\n').length,
        message: onlyCr
          ? 'file has CR-only line endings (old Mac style), so its lines cannot be numbered: save it with LF line endings'
          : 'a carriage return (CR) stands alone inside a line: save the file with LF (or CRLF) line endings',
      },
    };
  }
  return { text };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // the decoder also refuses overlong forms and surrogates; report the lead byte of those
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return 0;
}

/**
 * Characters that hide or reorder text: a byte-order mark inside a file (left where two files
 * were joined), the Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every
 * plane: one breaks XML such as the Atom feed, another has no glyph in any font), and the
 * bidirectional controls, which can make a line of the page read in the opposite order from
 * the data (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the marks
 * U+200E, U+200F and U+061C, which no Chinese or English source needs).
 */
const HIDDEN =
  /[\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
};

/** U+202E and the like: the code point as Unicode writes it. */
export function codePointName(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function hiddenMessage(cp: number, column: number): string {
  const at = `at character ${column} of the line`;
  if (cp === 0xfeff) return `a byte-order mark (U+FEFF) stands inside the file, ${at} (often left where two files were joined): delete it`;
  const bidi = BIDI_NAMES[cp];
  if (bidi)
    return `${codePointName(cp)} (${bidi}), a bidirectional control that can make text read in the opposite order, ${at}: delete it`;
  return `${codePointName(cp)}, a Unicode noncharacter (no font shows it and XML refuses it), ${at}: delete it`;
}
