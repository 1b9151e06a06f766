#!/usr/bin/env bash
# Build the web app (release) and serve it on http://127.0.0.1:8080 (PORT=... to change).
# Extra arguments go to scripts/serve.mjs, e.g. `--csp` to serve under the strict
# Content-Security-Policy the browser tests use.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "$@" dist
