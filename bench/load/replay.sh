#!/usr/bin/env bash
# Simulation replay throughput (docs/performance.md, simulations): seeds a tenant with 1,000 promotions and a
# cart log through the HTTP API (load.mjs with the cart log on), grows the log to --carts rows by copying it in
# SQL (new seq, same carts), then starts one simulation over the whole log and times it to DONE.
#   bash bench/load/replay.sh [--carts 1000000] [--rate 1000] [--duration 20] [--keep]
# --keep leaves the work directory (database, server log) in place and prints where it is.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/bench-common.sh"
CARTS=1000000 RATE=1000 DURATION=20 KEEP=
while [ $# -gt 0 ]; do
  case "$1" in
    --carts) CARTS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
log() { printf '[replay %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

build_server
[ -d "$HERE/node_modules/undici" ] || (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
WORK=$(mktemp -d /tmp/storewise-replay.XXXXXX)
trap 'stop_server sqlite; if [ -n "$KEEP" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi' EXIT
export RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000
start_server sqlite "$WORK"
TOKEN=$(token)
log "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
CLK_TCK=$(getconf CLK_TCK) node "$HERE/load.mjs" --urls "$BASE_URL" --pids "$SERVER_PID" --token "$TOKEN" --promotions 1000 \
  --rate "$RATE" --duration "$DURATION" --warmup 5 --skip-lists --cart-log-rate 1 --label "replay seed" >"$WORK/load.md"
cat "$WORK/load.md"
sleep 2
logged=$(run_sql sqlite "$WORK" "SELECT COUNT(*) FROM cart_log")
log "logged carts: $logged"
while [ "$logged" -lt "$CARTS" ]; do
  copy=$(( CARTS - logged < logged ? CARTS - logged : logged ))
  run_sql sqlite "$WORK" "INSERT INTO cart_log (tenant, logged_at, seq, store_id, cart) SELECT tenant, logged_at, abs(random()), store_id, cart FROM cart_log LIMIT $copy"
  logged=$(run_sql sqlite "$WORK" "SELECT COUNT(*) FROM cart_log")
done
log "log grown to $logged carts, $(du -m "$WORK/data/storewise.db" | cut -f1) MB database; RSS before the replay $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$SERVER_PID/status) MB"
exclude=$(run_sql sqlite "$WORK" "SELECT id FROM offers WHERE type = 'promotion' ORDER BY id LIMIT 1")
body=$(printf '{"from":"2000-01-01T00:00:00Z","to":"2100-01-01T00:00:00Z","preview":{"exclude":["%s"],"offers":[{"name":"Draft five","active":true,"validFrom":"2020-01-01T00:00:00Z","category":{"kind":"CartLevelPercentage","discount":5},"currencies":[{"code":"EUR"},{"code":"USD"}]}]}}' "$exclude")
cpu_before=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat)
started=$(date +%s.%N)
id=$(curl -fsS -X POST "$BASE_URL/v0/promotions/simulations" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
rss_peak=0
while true; do
  answer=$(curl -fsS "$BASE_URL/v0/promotions/simulations/$id" -H "authorization: Bearer $TOKEN")
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$SERVER_PID/status); [ "$rss" -gt "$rss_peak" ] && rss_peak=$rss
  status=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' <<<"$answer")
  [ "$status" = RUNNING ] || [ "$status" = QUEUED ] || break
  sleep 0.5
done
ended=$(date +%s.%N)
cpu_after=$(awk '{print $14 + $15}' /proc/$SERVER_PID/stat)
seconds=$(python3 -c "print(f'{$ended - $started:.1f}')")
cpu=$(python3 -c "print(f'{($cpu_after - $cpu_before) / $(getconf CLK_TCK):.1f}')")
echo "$answer" | python3 -c 'import json,sys; a=json.load(sys.stdin); print(json.dumps({k: a[k] for k in ("status","progress")})); [print(r["currency"], r["cartsReplayed"], r["cartsChanged"], r["discountBefore"], r["discountAfter"], len(r["offers"])) for r in a["results"]]'
python3 -c "print(f'replayed $logged carts in $seconds s wall ({$logged/$seconds:,.0f} carts/s), server CPU $cpu s ({$logged/$cpu:,.0f} carts per CPU-second); RSS peak during the replay $rss_peak MB, VmHWM $(peak_rss_mib $SERVER_PID) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)')"
