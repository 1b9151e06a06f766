#!/usr/bin/env node
// Writes a brotli (quality 11) and a gzip (level 9) copy next to every asset of a folder
// (default dist/), so that hosts such as nginx with `gzip_static`/`brotli_static` serve
// them as they are. Node's own zlib: nothing to install. Prints the first visit's size
// in each encoding.
//
//   node scripts/compress.mjs [DIR]

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = process.argv[2] || 'dist';
const SKIP = /\.(br|gz|png|ico)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!SKIP.test(name)) yield path;
  }
}

const sizes = new Map();
for (const path of files(root)) {
  const bytes = readFileSync(path);
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gz);
  sizes.set(path.slice(root.length + 1), { raw: bytes.length, br: br.length, gz: gz.length });
}

const FIRST = ['index.html', 'pkg/hubquote_bg.wasm', 'pkg/hubquote.js', 'pkg/__wasm_split.js', 'public/boot.js', 'public/app.css'];
const sum = (k) => FIRST.reduce((n, f) => n + (sizes.get(f)?.[k] ?? 0), 0);
console.log(`compress: ${sizes.size} files; first visit ${sum('raw')} B raw, ${sum('gz')} B gzip -9, ${sum('br')} B brotli 11`);
