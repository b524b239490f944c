#!/usr/bin/env bash
# The server's throughput and latency with wrk on 127.0.0.1 (BENCHMARKS.md "Server"):
# a small static file, then the child's record API (GET /api/children/{id}: the summary,
# read from the store, need-to-know checked and an audit entry written per request) over
# 1,000 different children, both at 64 connections, in the same run.
#
#   bench/server_bench.sh [council.db]   (default journey.db; `journey demo --no-serve` makes it)
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-journey.db}"
PORT="${PORT:-18080}"
SECS="${SECS:-10}"
WORK="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/dist"
echo '<!doctype html><title>Journey</title>' > "$WORK/dist/index.html"
head -c 512 /dev/zero | tr '\0' 'x' > "$WORK/dist/small.txt"
build/journey serve --db "$DB" --port "$PORT" --demo-users --static-dir "$WORK/dist" \
  > "$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.2
done
# A senior leader may read every (unrestricted) child.
COOKIE=$(curl -s -i -H 'Content-Type: application/json' \
  -d '{"username":"director","password":"journey-demo-director"}' \
  "http://127.0.0.1:$PORT/api/session" | sed -n 's/^Set-Cookie: journey_session=\([^;]*\).*/\1/p')
IDS=$(curl -s -H "Cookie: journey_session=$COOKIE" "http://127.0.0.1:$PORT/api/children?limit=500" |
  python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.load(sys.stdin)["items"] if not i["restricted"]))')
cat > "$WORK/child.lua" <<LUA
ids = {$IDS}
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/children/" .. ids[(n % #ids) + 1], {["Cookie"] = "journey_session=$COOKIE"})
end
LUA
echo "== static file (512 bytes)"
wrk -t1 -c64 -d"${SECS}s" --latency "http://127.0.0.1:$PORT/small.txt"
echo "== child's record API"
wrk -t1 -c64 -d"${SECS}s" --latency -s "$WORK/child.lua" "http://127.0.0.1:$PORT/"
