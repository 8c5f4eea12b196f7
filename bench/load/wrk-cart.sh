#!/usr/bin/env bash
# One fixed cart under wrk, with the server's CPU per request read from /proc (docs/performance.md, "One cart
# under wrk"):
#
#   [CART_WIDE=5] bash bench/load/wrk-cart.sh SERVER_DIR [LINES=50] [SECONDS=15] [CONNECTIONS=8]
#
# SERVER_DIR holds a built Storewise.Api.dll (e.g. src/Storewise.Api/bin/Release/net10.0). The server runs on
# SQLite in a throwaway directory with the rate limit lifted; 1,000 promotions are seeded, CART_WIDE of them (5
# unless set) cart-wide percentages that stack, so a 50-line cart receives 50 × CART_WIDE discount entries (250 by
# default; CART_WIDE=1 gives a plain 50-line cart with one entry per line). Needs wrk and curl.
# PROFILE=FILE records a perf profile of the server during the measured run into FILE (needs perf; the server then runs
# with perf maps on, W^X off and ReadyToRun off, so every frame has a JIT symbol) and prints the top 25 symbols.
# COUNTERS=FILE records the server's System.Runtime counters each second of the measured run into FILE (csv; needs
# dotnet-counters on PATH or in DOTNET_COUNTERS) and prints the monitor lock contentions per second.
set -euo pipefail
BIN=$(cd "$1" && pwd) LINES=${2:-50} SECONDS_=${3:-15} CONNECTIONS=${4:-8} CART_WIDE=${CART_WIDE:-5}
WORK=$(mktemp -d /tmp/storewise-wrk.XXXXXX)
PORT=$(( 20000 + RANDOM % 40000 ))
SERVER=
cleanup() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
export Auth__SigningKey="wrk-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" Storage__Provider=sqlite \
  Storage__DataDirectory="$WORK/data" RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000
if [ -n "${PROFILE:-}" ]; then export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0; fi
(cd "$BIN" && exec dotnet Storewise.Api.dll --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1) &
SERVER=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do curl -fsS "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
TOKEN=$(cd "$BIN" && dotnet Storewise.Api.dll token --tenant "wrk$(date +%s)" --days 1 | tail -1)
post() { curl -fsS -o /dev/null -X POST "$URL/v0/promotions/promotion" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$1"; }
SEEDING=()
for i in $(seq 1 $(( 1000 - CART_WIDE ))); do
  post "{\"name\":\"Product offer $i\",\"active\":true,\"validFrom\":\"2020-01-01T00:00:00Z\",\"category\":{\"kind\":\"ProductLevelPercentage\",\"discount\":5,\"includedProducts\":[\"other-$i\"]},\"currencies\":[{\"code\":\"EUR\",\"minimumCartValue\":0}]}" &
  SEEDING+=($!)
  if [ ${#SEEDING[@]} -ge 16 ]; then wait "${SEEDING[@]}"; SEEDING=(); fi
done
[ ${#SEEDING[@]} -eq 0 ] || wait "${SEEDING[@]}"
for i in $(seq 1 "$CART_WIDE"); do
  post "{\"name\":\"Cart-wide offer $i – été\",\"active\":true,\"validFrom\":\"2020-01-01T00:00:00Z\",\"category\":{\"kind\":\"CartLevelPercentage\",\"discount\":$i},\"currencies\":[{\"code\":\"EUR\",\"minimumCartValue\":0}]}"
done
ITEMS=$(for i in $(seq 1 "$LINES"); do printf '{"id":"line-%d","productId":"p%d","quantity":%d,"price":%d.%02d,"categories":[{"path":["Shop","Shoes"]}]}' "$i" "$i" $(( 1 + i % 3 )) $(( 1 + i * 7 % 190 )) $(( i * 13 % 100 )); if [ "$i" -lt "$LINES" ]; then printf ","; fi; done)
BODY="{\"currency\":\"EUR\",\"storeId\":\"store-1\",\"customerId\":\"c-1\",\"shippingCost\":4.95,\"items\":[$ITEMS]}"
ANSWER=$(curl -fsS -X POST "$URL/v0/promotions/cart" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$BODY")
ENTRIES=$(printf '%s' "$ANSWER" | grep -o '"source":' | wc -l)
cat >"$WORK/cart.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$BODY]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
wrk -t2 -c"$CONNECTIONS" -d3s -s "$WORK/cart.lua" "$URL/v0/promotions/cart" >/dev/null # warm-up
PID=$(pgrep -f "Storewise.Api.dll --urls http://127.0.0.1:$PORT" | head -1)
BEFORE=$(awk '{print $14 + $15}' "/proc/$PID/stat")
PERF=
if [ -n "${PROFILE:-}" ]; then perf record -F 999 -g -p "$PID" -o "$PROFILE" -- sleep "$SECONDS_" 2>/dev/null & PERF=$!; fi
COUNTING=
if [ -n "${COUNTERS:-}" ]; then
  "${DOTNET_COUNTERS:-dotnet-counters}" collect -p "$PID" --counters System.Runtime --refresh-interval 1 --format csv \
    -o "$COUNTERS" --duration "00:00:00:$(printf '%02d' "$SECONDS_")" >/dev/null 2>&1 & COUNTING=$!
fi
OUT=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$WORK/cart.lua" "$URL/v0/promotions/cart")
AFTER=$(awk '{print $14 + $15}' "/proc/$PID/stat")
REQUESTS=$(printf '%s\n' "$OUT" | awk '/requests in/ {print $1}')
NON2XX=$(printf '%s\n' "$OUT" | awk '/Non-2xx/ {print $NF}')
TICKS=$(getconf CLK_TCK)
printf '%s\n' "$OUT" | grep -E 'Requests/sec|Latency|99%|50%'
echo "lines $LINES, answer $(printf '%s' "$ANSWER" | wc -c) bytes, $ENTRIES discount entries; requests $REQUESTS, non-2xx ${NON2XX:-0}"
awk -v t="$(( AFTER - BEFORE ))" -v n="$REQUESTS" -v hz="$TICKS" 'BEGIN { printf "server CPU per request: %.0f us\n", t / hz / n * 1e6 }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$COUNTING" ]; then
  wait "$COUNTING" || true
  awk -F, 'tolower($3) ~ /lock.contention/ { sum += $5; n++ } END { if (n) printf "monitor lock contentions per second: %.1f (%d samples)\n", sum / n, n }' "$COUNTERS"
fi
if [ -n "$PERF" ]; then
  wait "$PERF" || true
  perf report -i "$PROFILE" --no-children --sort symbol -g none --percent-limit 0.3 --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25
fi
