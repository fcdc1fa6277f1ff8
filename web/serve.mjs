// A small static file server for the built checker, on the loopback address only.
//
//   node web/serve.mjs DIR [--port 8080] [--base /gouji/] [--csp [--csp-allow ORIGIN]] [--cors]
//
// --base serves DIR under a sub-path (the page must work from any path); --csp adds the strict
// Content-Security-Policy the checker is built to run under. Prints the URL when ready.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const root = resolve(args[0] || '.');
const rootPrefix = root.endsWith(sep) ? root : root + sep; // a file must be under this
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
let port = Number(option('--port', process.env.PORT || 8080));
const base = ('/' + option('--base', '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
const csp = args.includes('--csp');
// --cors: the assets may be used by pages of other origins (a CMS embedding the widget).
const cors = args.includes('--cors');
// --csp-allow ORIGIN: the strict policy, plus scripts and connections from that origin (the
// policy a CMS page adds when the widget's assets are hosted elsewhere).
const cspAllow = option('--csp-allow', '');

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.dat': 'application/octet-stream',
};

// Compressed bodies, as a real server would send them; computed once per file version.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt', '.dat']);
const brotliCache = new Map();
function brotli(file, etag, body) {
  const key = `${file} ${etag}`;
  if (!brotliCache.has(key)) {
    brotliCache.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
  }
  return brotliCache.get(key);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (csp) {
    headers['Content-Security-Policy'] = cspAllow
      ? STRICT_CSP.replace("script-src 'self'", `script-src 'self' ${cspAllow}`).replace("connect-src 'self'", `connect-src 'self' ${cspAllow}`)
      : STRICT_CSP;
  }
  if (cors) headers['Access-Control-Allow-Origin'] = '*';
  if (!url.pathname.startsWith(base)) {
    response.writeHead(url.pathname === '/' ? 302 : 404, url.pathname === '/' ? { Location: base } : headers);
    response.end();
    return;
  }
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  } catch {
    response.writeHead(400, headers); // a malformed %-escape: answer, don't crash the server
    response.end();
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(rootPrefix)) { // not just root: "..%2fDIR2" must not reach a sibling DIR2
    response.writeHead(403, headers);
    response.end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    headers['Content-Type'] = TYPES[extname(file)] || 'application/octet-stream';
    // Validators, so that a revalidating client (the service worker's precache) gets a 304.
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    headers.ETag = etag;
    headers['Last-Modified'] = info.mtime.toUTCString();
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    let body = await readFile(file);
    headers.Vary = 'Accept-Encoding';
    if (COMPRESSIBLE.has(extname(file)) && /\bbr\b/.test(request.headers['accept-encoding'] || '')) {
      body = brotli(file, etag, body);
      headers['Content-Encoding'] = 'br';
    }
    if (path === 'sw.js') headers['Service-Worker-Allowed'] = base;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, headers);
    response.end('not found');
  }
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && port < 8100) {
    port += 1;
    server.listen(port, '127.0.0.1');
  } else {
    console.error(error.message);
    process.exit(1);
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`gouji: serving ${root} at http://127.0.0.1:${server.address().port}${base}`);
});
