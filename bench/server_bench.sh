#!/usr/bin/env bash
# The server's throughput and latency with wrk on 127.0.0.1 (BENCHMARKS.md "Server"), all in
# one run against one server:
#   1. a small static file (512 bytes), 64 connections: the baseline;
#   2. the child's record API (GET /api/children/{id}: the summary, need-to-know checked and
#      an audit entry written per request) over up to 500 different children, 64 connections;
#   3. the performance scorecard API (GET /api/report: every indicator, 12 months), its first
#      (computed) answer timed alone, then 8 connections;
#   4. the static file again at 64 connections while sign-ins (argon2id) run back to back,
#      to show hashing no longer holds the server's thread.
# Ends with the ratios against the issue's bounds.
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
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 1500); do
  curl -s -o /dev/null "$URL/" && break
  sleep 0.2
done
sign_in() {
  curl -s -i -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"journey-demo-$1\"}" \
    "$URL/api/session" | sed -n 's/^Set-Cookie: journey_session=\([^;]*\).*/\1/p'
}
# A senior leader may read every (unrestricted) child and every figure.
COOKIE=$(sign_in director)
IDS=$(curl -s -H "Cookie: journey_session=$COOKIE" "$URL/api/children?limit=500" |
  python3 -c 'import json,sys; print(",".join(str(i["id"]) for i in json.load(sys.stdin)["items"] if not i["restricted"]))')
cat > "$WORK/child.lua" <<LUA
ids = {$IDS}
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/children/" .. ids[(n % #ids) + 1], {["Cookie"] = "journey_session=$COOKIE"})
end
LUA
cat > "$WORK/report.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/report", {["Cookie"] = "journey_session=$COOKIE"})
end
LUA
run() {  # name, wrk arguments...: prints wrk's output and keeps it for the summary
  local name=$1
  shift
  echo "== $name"
  wrk -t1 --latency "$@" | tee "$WORK/$name.out"
}
run static -c64 -d"${SECS}s" "$URL/small.txt"
run child -c64 -d"${SECS}s" -s "$WORK/child.lua" "$URL/"
echo "== scorecard, first answer (computed)"
curl -s -o /dev/null -w "%{time_total} s\n" -H "Cookie: journey_session=$COOKIE" "$URL/api/report" |
  tee "$WORK/first.out"
run scorecard -c8 -d"${SECS}s" -s "$WORK/report.lua" "$URL/"
( end=$((SECONDS + SECS)); n=0
  while [ $SECONDS -lt $end ]; do sign_in analyst > /dev/null; n=$((n + 1)); done
  echo "$n" > "$WORK/signins.out" ) &
SIGNINS=$!
run static_signins -c64 -d"${SECS}s" "$URL/small.txt"
wait "$SIGNINS"
python3 - "$WORK" <<'PY'
import re, sys
d = sys.argv[1]
def rps(n):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", open(f"{d}/{n}.out").read()).group(1))
def p99(n):
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", open(f"{d}/{n}.out").read())
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
print("\n== summary (same run)")
print(f"child API / static file throughput: {rps('child'):.0f} / {rps('static'):.0f} = "
      f"{rps('child') / rps('static'):.2f} (bound: at least 0.5)")
print(f"child API p99: {p99('child'):.2f} ms = {p99('child') / 10:.2f} of the 10 ms bound")
print(f"scorecard p99: {p99('scorecard'):.2f} ms = {p99('scorecard') / 50:.2f} of the 50 ms bound; "
      f"first answer {open(f'{d}/first.out').read().strip()}")
print(f"static file p99 while {open(f'{d}/signins.out').read().strip()} sign-ins ran: "
      f"{p99('static_signins'):.2f} ms (without: {p99('static'):.2f} ms)")
PY
