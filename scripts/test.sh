#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), the native engine tests, the
# release web build, and the browser tests (Playwright driving Debian's headless chromium
# against dist/ served under a strict Content-Security-Policy).
#
#   bash scripts/test.sh            # everything (what .ci/run does)
#   bash scripts/test.sh KEY...     # only these steps: fmt clippy test clippy-wasm wasm-test build browser fuzz
#
# Every step runs even if an earlier one failed (except that the browser tests need a
# build); the exit status is non-zero if any step failed. Screenshots of the browser tests
# go to artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== test: %s\n' "$*"; }

bash scripts/setup.sh

only=("$@")
failed=()
summary=()
build_ok=1

wanted() {
  ((${#only[@]} == 0)) && return 0
  local k
  for k in "${only[@]}"; do [[ $k == "$1" ]] && return 0; done
  return 1
}

# step KEY DESCRIPTION COMMAND...: runs COMMAND, records its status and duration.
step() {
  local key=$1 desc=$2
  shift 2
  wanted "$key" || return 0
  say "$desc"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  if ((rc == 0)); then
    summary+=("$(printf 'ok    %4ds  %s' "$dt" "$desc")")
  else
    summary+=("$(printf 'FAIL  %4ds  %s (exit %d)' "$dt" "$desc" "$rc")")
    failed+=("$key")
  fi
  return 0
}

server_pid=
stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}
trap stop_server EXIT

browser_tests() {
  if ((!build_ok)); then
    echo "test: the build failed: no browser tests"
    return 1
  fi
  local url_file
  url_file=$(mktemp)
  rm -f "$url_file"
  # Free loopback port (0), strict CSP; the server writes its URL once it listens.
  node scripts/serve.mjs --csp --host 127.0.0.1 --port 0 --url-file "$url_file" dist &
  server_pid=$!
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s $url_file ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "test: the server exited"; return 1; }
    sleep 0.1
  done
  [[ -s $url_file ]] || { echo "test: the server did not start"; stop_server; return 1; }
  local rc=0
  HUBQUOTE_URL=$(<"$url_file") node --test --test-reporter=spec tests/browser/ || rc=$?
  rm -f "$url_file"
  stop_server
  return "$rc"
}

build() {
  bash scripts/build.sh || { build_ok=0; return 1; }
}

step fmt "cargo fmt --check" cargo fmt --all -- --check
step clippy "cargo clippy (native, all targets)" cargo clippy --all-targets -- -D warnings
step test "cargo test (native engine)" cargo test
step clippy-wasm "cargo clippy (wasm32 lib with the web app)" \
  cargo clippy --target wasm32-unknown-unknown --lib --features web -- -D warnings
step wasm-test "wasm-bindgen-test: the engine in wasm32, headless Chrome" \
  wasm-pack test --headless --chrome --mode no-install -- --test wasm_engine
step build "release web build (scripts/build.sh)" build
step browser "browser tests (tests/browser/, headless chromium, strict CSP)" browser_tests
# A minute of the fuzzer over every target (examples/fuzz/main.rs says how to run it long).
step fuzz "fuzzer: every target, 60 s in all (examples/fuzz)" \
  cargo run --release --example fuzz -- all 60
# Further steps are added here as `step KEY DESCRIPTION COMMAND...`.

say "summary"
printf '%s\n' "${summary[@]}"
# The plain closing line CI reads: steps passed and failed.
echo "steps: $((${#summary[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
  echo "test: FAILED: ${failed[*]}"
  exit 1
fi
echo "test: all passed"
