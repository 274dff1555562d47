#!/usr/bin/env bash
# Property-based API check: schemathesis generates requests from the OpenAPI document of the
# embedded platform and checks each answer against it (status documented, content type, body
# schema, no 5xx, 405 with Allow for undeclared methods). It installs schemathesis in a venv under
# the repository on first use, starts the platform on a temporary DATA_DIR and a free port, runs,
# and stops the platform whatever happens. Usage: tools/schemathesis/run.sh [extra st options]
# ST_MAX_EXAMPLES (default 10) bounds the examples per operation; ST_SEED fixes the data.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV="${ST_VENV:-$ROOT/.venv-schemathesis}"
ST_VERSION=4.32.5
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-10}"
SEED="${ST_SEED:-20261206}"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,unsupported_method

if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  echo "schemathesis: installing $ST_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION"
fi

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tadamon-schemathesis-XXXXXX")
PORT=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE="http://127.0.0.1:$PORT"
PLATFORM_PID=""

stop() {
  if [ -n "$PLATFORM_PID" ] && kill -0 "$PLATFORM_PID" 2>/dev/null; then
    kill "$PLATFORM_PID"
    wait "$PLATFORM_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap stop EXIT

cd "$ROOT"
# Rate limit out of the way: the run sends thousands of requests from one address.
DATA_DIR="$DATA_DIR" PORT="$PORT" HOST=127.0.0.1 TADAMON_RATE_LIMIT=100000000 \
  node -r @swc-node/register apps/platform/src/main.ts >"$DATA_DIR/platform.log" 2>&1 &
PLATFORM_PID=$!

# The first start hashes the demo passwords and seeds the demo data: minutes on a busy machine.
node -e "
const deadline = Date.now() + 240_000;
(async function wait() {
  for (;;) {
    try { if ((await fetch('$BASE/health/ready')).ok) return; } catch {}
    if (Date.now() > deadline) { console.error('platform not ready after 240 s'); process.exit(1); }
    await new Promise((r) => setTimeout(r, 500));
  }
})();
" || { cat "$DATA_DIR/platform.log" >&2; exit 1; }

# The officer holds most command routes; routes of other roles answer it 403, which they document.
TOKEN=$(node -e "
fetch('$BASE/api/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'officer', password: process.env.TADAMON_DEMO_PASSWORD ?? 'tadamon-demo' }) })
  .then((r) => r.json()).then((b) => { if (!b.access_token) process.exit(1); console.log(b.access_token); });
")

"$VENV/bin/python" "$ROOT/tools/schemathesis/st_guarded.py" run "$BASE/api/docs-json" --url "$BASE" \
  --header "Authorization: Bearer $TOKEN" \
  --checks "$CHECKS" \
  --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers 2 \
  --phases examples,coverage,fuzzing \
  --request-timeout 30 \
  --output-truncate true \
  "$@"
