// A tiny static file server for the built page: node:http only, no
// dependencies, 127.0.0.1 on a free port, logs nothing per request.
//
//   import { serve } from './server.mjs';
//   const server = await serve('/path/to/dist');   // { origin, url, prefix, close() }
//   const sub = await serve(dist, 0, { prefix: '/some/sub/path/' });
//                     // dist at http://127.0.0.1:PORT/some/sub/path/ (sub.url), 404 elsewhere
//
//   node tests/browser/server.mjs DIST [PORT] [PREFIX]   // prints the URL once, Ctrl-C stops
//
// A directory asked for without its trailing slash (/some/sub/path) is
// redirected (301) to it with the slash, as nginx and most static servers do,
// so that the page's relative asset URLs resolve inside it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on 127.0.0.1 at the path `prefix` (default `/`); resolves once
 * listening.
 */
export async function serve(dir, port = 0, { prefix = '/' } = {}) {
  const root = resolve(dir);
  const base = `/${prefix.split('/').filter(Boolean).join('/')}/`.replace('//', '/');
  const notFound = (res) => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url, 'http://x');
      let path = decodeURIComponent(url.pathname);
      if (`${path}/` === base) {
        res.writeHead(301, { Location: `${base}${url.search}` }).end();
        return;
      }
      if (!path.startsWith(base)) {
        notFound(res);
        return;
      }
      path = path.slice(base.length - 1);
      const file = join(root, path);
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory() && !path.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      if (info?.isDirectory()) info = await stat(join(file, 'index.html')).catch(() => null);
      if (!info || !info.isFile()) {
        notFound(res);
        return;
      }
      const served = path.endsWith('/') ? join(file, 'index.html') : file;
      const body = await readFile(served);
      res.writeHead(200, {
        'Content-Type': MIME[extname(served).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${base}`,
    prefix: base,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port, prefix] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node server.mjs DIST [PORT] [PREFIX]\n');
    process.exit(2);
  }
  const { url } = await serve(dir, port ? Number(port) : 0, { prefix });
  process.stdout.write(`${url}\n`);
}
