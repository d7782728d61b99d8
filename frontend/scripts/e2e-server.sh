#!/usr/bin/env bash
# Starts the REAL braingain server on a fresh data directory, plus `vite preview` serving the
# built app (dist/) with /graphql proxied to that server (same origin). Builds nothing:
#   cargo build -p braingain-server   (../target/debug/braingain)
#   npm run build                     (dist/)
# Playwright starts this script (playwright.config.ts) and stops it afterwards.
# Environment: E2E_API_PORT (18181), E2E_WEB_PORT (4174), E2E_DATA_DIR (./.e2e-data),
# BRAINGAIN_BIN (../target/debug/braingain), E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BRAINGAIN_BIN:-../target/debug/braingain}
API_PORT=${E2E_API_PORT:-18181}
WEB_PORT=${E2E_WEB_PORT:-4174}
DATA=${E2E_DATA_DIR:-$PWD/.e2e-data}
ADMIN_EMAIL=${E2E_ADMIN_EMAIL:-admin@e2e.example.org}
ADMIN_PASSWORD=${E2E_ADMIN_PASSWORD:-e2e-admin-password-2026}

[ -x "$BIN" ] || { echo "error: $BIN missing; run: cargo build -p braingain-server" >&2; exit 1; }
[ -f dist/index.html ] || { echo "error: dist/ missing; run: npm run build" >&2; exit 1; }

rm -rf "$DATA"
mkdir -p "$DATA"
# Links in mails point at the app. Once `braingain serve` serves dist/ itself, app and API
# share one port and this becomes http://127.0.0.1:$API_PORT.
export BRAINGAIN_PUBLIC_URL="http://127.0.0.1:$WEB_PORT"
export BRAINGAIN_MAIL=file

BRAINGAIN_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$BIN" --data-dir "$DATA" create-admin --email "$ADMIN_EMAIL" --name "E2E Admin" >"$DATA/create-admin.log" 2>&1

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

"$BIN" --data-dir "$DATA" serve --listen "127.0.0.1:$API_PORT" >"$DATA/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$API_PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$API_PORT/health" >/dev/null || { echo "error: server did not start" >&2; cat "$DATA/server.log" >&2; exit 1; }

BRAINGAIN_API="http://127.0.0.1:$API_PORT" node node_modules/vite/bin/vite.js preview \
  --port "$WEB_PORT" --strictPort --host 127.0.0.1 &
pids+=($!)
wait -n
