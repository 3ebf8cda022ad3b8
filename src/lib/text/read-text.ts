/**
 * Reads a file as what it is. data/ and the articles are UTF-8 text with LF (or CRLF) line
 * ends; anything else (a byte-order mark, UTF-16, GBK, a binary file, an empty file, old Mac
 * CR-only line ends, a file too big to be an article) is refused with one message that names
 * the file and, where there is one, the line. Nothing is decoded with U+FFFD in place of
 * bytes it could not read: that would lose text silently.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The largest file read: 4 MB. The biggest article is a few tens of kB; a file far above
 * that is not an article, and reading it whole (plus the normaliser's copies) would take
 * memory in proportion (normalising a 15 MB file peaked at 570 MB RSS). Checked before a byte
 * is read, so a 50 MB file costs nothing.
 */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

export interface TextFault {
  line: number;
  message: string;
}

export type TextResult = { text: string } | { fault: TextFault };

/** Reads a file whole if it is acceptable UTF-8 text; the fault otherwise. Throws only on I/O errors (ENOENT…). */
export function readTextFile(path: string): TextResult {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_TEXT_BYTES) {
      return {
        fault: {
          line: 1,
          message: `file is ${(size / 1024 / 1024).toFixed(1)} MB, above the limit of ${MAX_TEXT_BYTES / 1024 / 1024} MB for a text file here; an article is a few tens of kB: split it or check it is the right file`,
        },
      };
    }
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
