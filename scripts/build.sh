#!/usr/bin/env bash
# Release build of the web app into dist/: a self-contained static folder to copy to any
# web host (no server-side code; every path in it is relative).
#
#   1. cargo build --release --target wasm32-unknown-unknown --features web: the app, with
#      the relocations wasm-split needs (.cargo/config.toml);
#   2. wasm-split-cli cuts every `#[lazy]` function (the file writers, quote import) out
#      into chunks the app fetches only when needed, plus `__wasm_split.js` that loads them;
#   3. wasm-bindgen --target web on the main module (keeping the exports the chunks link to);
#   4. wasm-opt -Oz from binaryen 132 (npm) on the main module and every chunk; never
#      Debian's binaryen 108, which breaks wasm-bindgen output;
#   5. assemble dist/: index.html, pkg/*, public/**, the JS and CSS minified by esbuild;
#      then a .br and a .gz copy of every file (scripts/compress.mjs);
#   6. print the raw and gzip -9 sizes of what ships: what a first visit loads, and the
#      lazily loaded chunks.
#
# Run scripts/setup.sh first (serve.sh and test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'build: %s\n' "$*"; }
die() { printf 'build: error: %s\n' "$*" >&2; exit 1; }

WASM_OPT=node_modules/binaryen/bin/wasm-opt
ESBUILD=node_modules/.bin/esbuild
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/setup.sh"
command -v wasm-split-cli >/dev/null || die "wasm-split-cli not found: run scripts/setup.sh"
[[ -x $WASM_OPT ]] || die "$WASM_OPT not found: run scripts/setup.sh (npm ci)"
[[ -x $ESBUILD ]] || die "$ESBUILD not found: run scripts/setup.sh (npm ci)"
[[ -f public/catalog.json5 ]] || die "public/catalog.json5 (the embedded default catalog) is missing"

start=$SECONDS
say "cargo build --release (wasm32, features web)"
cargo build --release --target wasm32-unknown-unknown --lib --features web
input=target/wasm32-unknown-unknown/release/hubquote.wasm

say "wasm-split"
split=target/wasm-split
rm -rf "$split" pkg
mkdir -p "$split" pkg
wasm-split-cli "$input" "$split" --out-name hubquote --target web

say "wasm-bindgen"
# --keep-lld-exports: the chunks import the main module's functions, memory and table by
# these names; --no-demangle: keep the names wasm-split matched.
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir pkg "$split/hubquote.wasm"
cp "$split"/__wasm_split.js pkg/
# Short import names in the wasm and the glue (scripts/short-imports.mjs: about 4 KB gzip
# off the first visit).
node scripts/short-imports.mjs pkg/hubquote_bg.wasm pkg/hubquote.js

say "wasm-opt -Oz (binaryen $("$WASM_OPT" --version | awk '{print $3}'))"
# --converge: -Oz again until the module stops shrinking (0.4 KB gzip off the first
# visit, measured; about 30 s more). The producers and target-features sections are for
# tools, not browsers (0.2 KB gzip).
optimize() { # in out [passes run first]
  local in=$1 out=$2
  shift 2
  "$WASM_OPT" "$@" -Oz --converge --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$in" -o "$out"
}
before=$(wc -c <pkg/hubquote_bg.wasm)
# Leptos always builds its server functions' browser side, whose wasm-streams classes
# (IntoUnderlyingSink, …Source, …ByteSource) wasm-bindgen exports; a client-side app never
# creates one. Without their exports the code behind them goes too (1.6 KB gzip off the
# first visit, measured); their JS classes stay in the glue, unused.
optimize pkg/hubquote_bg.wasm pkg/hubquote_bg.opt.wasm \
  --remove-exports --pass-arg='remove-exports@*intounderlying*'
mv pkg/hubquote_bg.opt.wasm pkg/hubquote_bg.wasm
say "main wasm: $before -> $(wc -c <pkg/hubquote_bg.wasm) bytes"
for chunk in "$split"/*.wasm; do
  name=$(basename "$chunk")
  [[ $name == hubquote.wasm ]] && continue
  # wasm-split writes a name subsection binaryen 132 does not know (and drops): not news.
  optimize "$chunk" "pkg/$name" 2> >(grep -v 'unknown name subsection' >&2)
done

say "assemble dist/"
rm -rf dist
mkdir -p dist/pkg
cp index.html embed.html dist/
cp pkg/*.js pkg/*.wasm dist/pkg/
# public/ holds the static assets: app.css, boot.js, catalog.json5, catalogs/*.
cp -R public dist/public
# Minified JS and CSS (same code, fewer bytes): esbuild only minifies, it bundles nothing.
# (wasm-bindgen's glue repeats the key "./__wasm_split.js", once per lazy function, each
# time for the same module namespace: harmless, so that warning is silenced.)
for f in dist/pkg/*.js dist/public/boot.js dist/public/app.css dist/public/app-later.css; do
  "$ESBUILD" "$f" --minify --log-level=warning --log-override:duplicate-object-key=silent \
    --outfile="$f" --allow-overwrite
done
for f in dist/index.html dist/embed.html dist/pkg/hubquote.js dist/pkg/hubquote_bg.wasm dist/pkg/__wasm_split.js \
  dist/public/app.css dist/public/app-later.css dist/public/boot.js dist/public/catalog.json5; do
  [[ -f $f ]] || die "$f missing from dist/"
done

say "built in $((SECONDS - start)) s; shipped sizes (bytes):"
sizes() { # label files...
  local label=$1 raw=0 gz=0 r g f
  shift
  for f in "$@"; do
    r=$(wc -c <"$f")
    g=$(gzip -9 -c "$f" | wc -c)
    raw=$((raw + r))
    gz=$((gz + g))
    printf '  %-44s %10d %10d\n' "${f#dist/}" "$r" "$g"
  done
  printf '  %-44s %10d %10d\n' "$label" "$raw" "$gz"
}
printf '  %-44s %10s %10s\n' file raw gzip-9
sizes "first visit (wasm + js + css + html)" dist/pkg/hubquote_bg.wasm dist/pkg/hubquote.js \
  dist/pkg/__wasm_split.js dist/public/boot.js dist/public/app.css dist/index.html
chunks=(dist/pkg/split_*.wasm dist/pkg/chunk_*.wasm dist/public/app-later.css)
existing=()
for f in "${chunks[@]}"; do [[ -f $f ]] && existing+=("$f"); done
((${#existing[@]})) && sizes "lazily loaded chunks (and app-later.css)" "${existing[@]}"
# Precompressed copies of every asset (brotli 11, gzip -9) for hosts that serve them as
# they are (nginx gzip_static / brotli_static): Node's zlib, nothing to install.
node scripts/compress.mjs dist
exit 0
