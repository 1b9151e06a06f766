#!/usr/bin/env node
// A tiny dependency-free static file server for the built app (dist/).
//
//   node scripts/serve.mjs [--csp] [--port N] [--host H] [--url-file F] [DIR]
//
// DIR defaults to dist/. The port comes from --port, else $PORT, else 8080; 0 picks a free
// port. Only loopback by default. --csp adds the strict Content-Security-Policy the browser
// tests run under (proving the app needs no inline script/style and no eval beyond wasm).
// --url-file writes the URL once listening (for scripts that start it in the background).
//
// Also importable: `startServer({ root, port, host, csp })` resolves to { url, close() }.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.json5': 'application/json5; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** Resolves a URL path to a file under root, or null if it escapes root / is malformed. */
function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(root, '.' + path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

export function startServer({ root = 'dist', port = 8080, host = '127.0.0.1', csp = false } = {}) {
  const absRoot = resolve(root);
  const server = createServer(async (req, res) => {
    const headers = {
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
      'Referrer-Policy': 'no-referrer',
    };
    if (csp) headers['Content-Security-Policy'] = CSP;
    const send = (status, body) => {
      res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(405, 'method not allowed\n');
    }
    let file = resolvePath(absRoot, req.url || '/');
    if (!file) return send(400, 'bad request\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!(req.url || '/').split('?')[0].endsWith('/')) {
          res.writeHead(301, { ...headers, Location: req.url.split('?')[0] + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(404, 'not found\n');
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(404, 'not found\n');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const addr = server.address();
      const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      ok({
        url: `http://${shownHost}:${addr.port}/`,
        port: addr.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: 'dist', port: process.env.PORT ?? '8080', host: '127.0.0.1', csp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--csp') opts.csp = true;
    else if (a === '--port') opts.port = value();
    else if (a === '--host') opts.host = value();
    else if (a === '--url-file') opts.urlFile = value();
    else if (a === '-h' || a === '--help') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else opts.root = a;
  }
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port ${JSON.stringify(opts.port)}`);
  }
  opts.port = port;
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve.mjs: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node scripts/serve.mjs [--csp] [--port N] [--host H] [--url-file F] [DIR]');
    process.exit(0);
  }
  try {
    if (!(await stat(opts.root)).isDirectory()) throw new Error();
  } catch {
    console.error(`serve.mjs: ${opts.root}/ does not exist; build first (bash scripts/build.sh)`);
    process.exit(1);
  }
  let server;
  try {
    server = await startServer(opts);
  } catch (e) {
    console.error(`serve.mjs: cannot listen on ${opts.host}:${opts.port}: ${e.message}`);
    process.exit(1);
  }
  if (opts.urlFile) await writeFile(opts.urlFile, server.url + '\n');
  console.log(`hubquote: serving ${opts.root}/ at ${server.url}${opts.csp ? ' (strict CSP)' : ''}`);
  console.log('press Ctrl-C to stop');
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
