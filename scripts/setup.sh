#!/usr/bin/env bash
# Idempotent set-up of everything the build and the tests need, on a fresh Debian 12 machine
# (run as root, or as a user with sudo). Installs only what is missing or at the wrong
# version, and says what it skips, so it takes a few seconds when everything is present.
#
# Needs beforehand: Rust by rustup (cargo, rustup) and Node >= 20 with npm.
# Installs: Debian's chromium + chromium-driver + poppler-utils + qpdf; the rustfmt and
# clippy components; the wasm32-unknown-unknown target; wasm-pack 0.15.1 (for the
# wasm-bindgen tests), wasm-bindgen-cli 0.2.130 (cargo install; the CLI version must equal
# the `=0.2.130` pin in Cargo.toml) and wasm-split-cli 0.2.4 (`#[lazy]` chunks); the npm
# devDependencies from package-lock.json (npm ci; no browser download).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=0.2.130
# wasm-split for Leptos 0.8's `#[lazy]` (wasm_split_helpers 0.2): its binary `wasm-split-cli`.
WASM_SPLIT_VERSION=0.2.4
APT_PACKAGES=(chromium chromium-driver poppler-utils qpdf)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install"
  SUDO=(sudo)
fi

# --- prerequisites that this script does not install -------------------------------------
command -v cargo >/dev/null && command -v rustup >/dev/null ||
  die "cargo/rustup not found: install Rust with rustup (https://rustup.rs) and retry"
command -v node >/dev/null && command -v npm >/dev/null ||
  die "node/npm not found: install Node >= 20 with npm and retry"
node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 20 )) || die "Node $(node --version) is too old: Playwright needs Node >= 20"

# --- Debian packages ---------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  say "skip apt: ${APT_PACKAGES[*]} already installed"
fi

# --- Rust components and target ----------------------------------------------------------
installed_components=$(rustup component list --installed)
for comp in rustfmt clippy; do
  if grep -q "^$comp" <<<"$installed_components"; then
    say "skip rustup component $comp: installed"
  else
    say "rustup component add $comp"
    rustup component add "$comp"
  fi
done
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "skip rustup target wasm32-unknown-unknown: installed"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- cargo-installed tools, only when the exact version is not already there -------------
version_of() { "$1" --version 2>/dev/null | awk -v tool="$1" '$1 == tool { print $2; exit }'; }

if [[ $(version_of wasm-pack || true) == "$WASM_PACK_VERSION" ]]; then
  say "skip wasm-pack: $WASM_PACK_VERSION installed"
else
  say "cargo install wasm-pack $WASM_PACK_VERSION (about 2 min)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi

# No --locked: the crates.io mirror lacks one of the CLI's locked dependency versions.
if [[ $(version_of wasm-bindgen || true) == "$WASM_BINDGEN_VERSION" ]]; then
  say "skip wasm-bindgen-cli: $WASM_BINDGEN_VERSION installed"
else
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2.5 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# `wasm-split-cli` prints no version: ask cargo which version installed it.
if cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "skip wasm-split-cli: $WASM_SPLIT_VERSION installed"
else
  say "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli, about 1 min)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# --- npm devDependencies (Playwright drives Debian's chromium: never download a browser) --
if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "skip npm ci: node_modules is up to date with package-lock.json"
else
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund </dev/null
fi

say "ok"
