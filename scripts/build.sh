#!/usr/bin/env bash
# Release build of the web app into dist/: a self-contained static folder to copy to any
# web host (no server-side code; every path in it is relative).
#
#   1. wasm-pack build (release, --target web) into pkg/; wasm-pack's own wasm-opt step is
#      off (Cargo.toml metadata) because it would pick up Debian's broken binaryen 108;
#   2. wasm-opt -Oz from binaryen 132 (npm) on pkg/hubquote_bg.wasm, in place;
#   3. assemble dist/: index.html, pkg/hubquote.js, pkg/hubquote_bg.wasm, public/**;
#   4. print the raw and gzip -9 sizes of what ships.
#
# Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: error: %s\n' "$*" >&2; exit 1; }

WASM_OPT=node_modules/binaryen/bin/wasm-opt
command -v wasm-pack >/dev/null || die "wasm-pack not found: run scripts/setup.sh"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/setup.sh"
[[ -x $WASM_OPT ]] || die "$WASM_OPT not found: run scripts/setup.sh (npm ci)"
[[ -f public/catalog.json5 ]] || die "public/catalog.json5 (the embedded default catalog) is missing"

start=$SECONDS
say "wasm-pack build --release"
wasm-pack build --release --target web --mode no-install --no-typescript --out-dir pkg

say "wasm-opt -Oz (binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
before=$(wc -c <pkg/hubquote_bg.wasm)
"$WASM_OPT" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/hubquote_bg.wasm -o pkg/hubquote_bg.opt.wasm
mv pkg/hubquote_bg.opt.wasm pkg/hubquote_bg.wasm
say "wasm: $before -> $(wc -c <pkg/hubquote_bg.wasm) bytes"

say "assemble dist/"
rm -rf dist
mkdir -p dist/pkg
cp index.html dist/
cp pkg/hubquote.js pkg/hubquote_bg.wasm dist/pkg/
# public/ holds the static assets: app.css, boot.js, catalog.json5, catalogs/*.
cp -R public dist/public
for f in dist/index.html dist/pkg/hubquote.js dist/pkg/hubquote_bg.wasm \
  dist/public/app.css dist/public/boot.js dist/public/catalog.json5; do
  [[ -f $f ]] || die "$f missing from dist/"
done

say "built in $((SECONDS - start)) s; shipped sizes (bytes):"
total_raw=0
total_gz=0
printf '  %-32s %10s %10s\n' file raw gzip-9
for f in dist/pkg/hubquote_bg.wasm dist/pkg/hubquote.js dist/public/boot.js dist/public/app.css dist/index.html; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '  %-32s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done
printf '  %-32s %10d %10d\n' total "$total_raw" "$total_gz"
