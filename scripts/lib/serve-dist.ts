/**
 * The built site as a reader's browser gets it: every HTML page in dist/, and a tiny static
 * server on 127.0.0.1 (random port) that serves dist/ the way a plain static host does —
 * directory URLs without a trailing slash are redirected, missing files are 404s; with
 * `sendHeaders`, the headers dist/_headers names are sent, as Netlify or Cloudflare Pages would;
 * with `compress`, text is sent gzipped to a browser that accepts it, as every such host does.
 * Shared by the site tests, the browser tests, the screenshot script and the benchmark.
 */
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadersFile } from '../../src/lib/site/security-policy.ts';

/** dist/, or SITE_DIST to check a build kept elsewhere (or a deliberately broken copy) */
export const DIST_DIR = process.env['SITE_DIST']
  ? resolve(process.env['SITE_DIST'])
  : fileURLToPath(new URL('../../dist/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.webmanifest': 'application/manifest+json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Types a static host compresses: text of every kind; images and archives are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/u;

/** Every HTML file under dir, as the URL path a reader opens ("/", "/timeline/", "/404.html"). */
export function listHtmlPages(dir: string = DIST_DIR): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: run \`npx astro build\` first`);
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) pages.push(urlPathOf(relative(dir, full)));
    }
  };
  walk(dir);
  return pages.sort();
}

function urlPathOf(relFile: string): string {
  const parts = relFile.split(sep).map(encodeURIComponent);
  const last = parts.at(-1);
  if (last === 'index.html') parts[parts.length - 1] = '';
  return `/${parts.join('/')}`;
}

/** The file in dir a URL path is served from, or undefined when there is none. */
export function fileForUrlPath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/u)[0] ?? '');
  } catch {
    return undefined;
  }
  const root = resolve(dir);
  const target = resolve(root, `.${decoded}`);
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  const candidates = decoded.endsWith('/') ? [join(target, 'index.html')] : [target, join(target, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * The headers root/_headers gives a URL path, as Netlify and Cloudflare Pages apply them: every
 * rule whose pattern matches (a `*` matches anything, a `/` too), the values of one header
 * named by several rules joined with ", ". Empty when there is no _headers file.
 */
export function headersFor(root: string, urlPath: string): Record<string, string> {
  const file = join(root, '_headers');
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const [pattern, headers] of parseHeadersFile(readFileSync(file, 'utf8'))) {
    const literal = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'));
    if (!new RegExp(`^${literal.join('.*')}$`, 'u').test(urlPath)) continue;
    for (const [name, value] of headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` at "/" and each extra directory at its mount prefix (e.g. "/bench/"), so a
 * comparison page can sit beside the site without being part of it.
 */
export async function startStaticServer(
  root: string = DIST_DIR,
  mounts: Record<string, string> = {},
  options: { sendHeaders?: boolean; compress?: boolean } = {},
): Promise<StaticServer> {
  if (!existsSync(root)) throw new Error(`${root} does not exist: run \`npx astro build\` first`);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const mount = Object.keys(mounts).find((prefix) => url.pathname.startsWith(prefix));
    const dir = mount ? (mounts[mount] as string) : root;
    const path = mount ? `/${url.pathname.slice(mount.length)}` : url.pathname;
    const file = fileForUrlPath(dir, path);
    if (file && !path.endsWith('/') && file.endsWith(`${sep}index.html`) && !path.endsWith('index.html')) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (!file) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    // with sendHeaders, root's _headers apply to what root serves (not to the mounts)
    const extra = options.sendHeaders && !mount ? headersFor(root, url.pathname) : {};
    const type = contentTypeOf(file);
    const gzip = options.compress === true && COMPRESSIBLE.test(type) && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    const encoding = gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {};
    // nothing is kept between page loads unless _headers says so (the hashed bundles): a
    // rebuilt dist/ is always what a test sees
    res.writeHead(200, { 'cache-control': 'no-store', ...extra, ...encoding, 'content-type': type });
    if (req.method === 'HEAD') res.end();
    else if (gzip)
      createReadStream(file)
        .pipe(createGzip({ level: 6 }))
        .pipe(res);
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
