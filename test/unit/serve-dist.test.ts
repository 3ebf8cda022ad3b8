/**
 * The tooling's static server (scripts/lib/serve-dist.ts) sends text gzipped when asked to,
 * as the static hosts the site is made for do, so the benchmark times what a reader receives:
 * only to a browser that accepts gzip, only text, and the same bytes once unzipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';

const HTML = `<!doctype html><p>${'青岛 '.repeat(2000)}</p>`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
let dir: string;
let plain: StaticServer;
let gzipping: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-dist-'));
  writeFileSync(join(dir, 'index.html'), HTML);
  writeFileSync(join(dir, 'a.png'), PNG);
  plain = await startStaticServer(dir);
  gzipping = await startStaticServer(dir, {}, { compress: true });
});

afterAll(async () => {
  await plain?.close();
  await gzipping?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(origin: string, path: string, acceptEncoding?: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(`${origin}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startStaticServer with compress', () => {
  it('gzips text for a browser that accepts it, and the bytes unzip to the file', async () => {
    const res = await get(gzipping.origin, '/', 'gzip, deflate, br');
    expect(res.encoding).toBe('gzip');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(HTML) / 4);
    expect(gunzipSync(res.body).toString('utf8')).toBe(HTML);
  });

  it('sends the file as it is to a client that does not accept gzip, and images always', async () => {
    const res = await get(gzipping.origin, '/');
    expect(res.encoding).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(HTML);
    const png = await get(gzipping.origin, '/a.png', 'gzip');
    expect(png.encoding).toBeUndefined();
    expect(png.body.equals(PNG)).toBe(true);
  });

  it('without compress, never gzips', async () => {
    const res = await get(plain.origin, '/', 'gzip');
    expect(res.encoding).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(HTML);
  });
});
