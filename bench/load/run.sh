#!/usr/bin/env bash
# HTTP load harness (docs/performance.md, "HTTP load"). One command:
#
#   bash bench/load/run.sh [--promotions 1000|10000] [--rate 1000] [--duration 30] [--provider sqlite|postgres]
#                          [--instances N] [--find-max] [--soak] [--skip-lists] [--max-rss MB] [--keep]
#                          [--server-dir DIR] [--out FILE] [--label TEXT] [--limited-share 0.1]
#
# Builds the server in Release, starts it on 127.0.0.1 with a throwaway database (SQLite, or a PostgreSQL
# cluster of its own), seeds one tenant through the HTTP API, runs the cart endpoint at a fixed rate, then the
# coupon and code list pages, and prints a Markdown table. Everything it starts is stopped on exit; every
# phase has a bounded duration. --server-dir runs an already built server (a directory holding
# Storewise.Api.dll) instead of building this tree. Extra server settings can be passed as environment variables
# (e.g. DOTNET_gcServer=1, Logging__LogLevel__Storewise.Requests=Warning).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/bench/load"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PROMOTIONS=1000 RATE=1000 DURATION=30 PROVIDER=sqlite INSTANCES=1 KEEP= BIN=
LOAD_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --promotions) PROMOTIONS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --provider) PROVIDER=$2; shift 2 ;;
    --instances) INSTANCES=$2; shift 2 ;;
    --find-max|--soak|--skip-lists) LOAD_ARGS+=("$1"); shift ;;
    --keep) KEEP=1; shift ;;
    --server-dir) BIN=$(cd "$2" && pwd); shift 2 ;;
    --out|--label|--codes|--coupons|--warmup|--list-rate|--list-duration|--soak-duration|--seed|--connections|--max-p99|--max-rss|--cart-log-rate|--limited-share)
      LOAD_ARGS+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$PROVIDER" in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres" >&2; exit 2 ;; esac
if [ "$INSTANCES" -gt 1 ] && [ "$PROVIDER" != postgres ]; then
  echo "--instances needs --provider postgres (SQLite serves one host)" >&2; exit 2
fi

log() { printf '[run %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

command -v node >/dev/null || { log "Node.js is required"; exit 1; }
command -v dotnet >/dev/null || { log "the .NET SDK is required"; exit 1; }

if [ -z "$BIN" ]; then
  log "building the server (Release)"
  dotnet build "$ROOT/src/Storewise.Api/Storewise.Api.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2
  BIN="$ROOT/src/Storewise.Api/bin/Release/net10.0"
fi
[ -f "$BIN/Storewise.Api.dll" ] || { log "no Storewise.Api.dll in $BIN"; exit 1; }

if [ ! -f "$HERE/node_modules/.package-lock.json" ] || ! cmp -s <(grep -v '"resolved"' "$HERE/package-lock.json" | sed -n '/"node_modules\//,$p') <(grep -v '"resolved"' "$HERE/node_modules/.package-lock.json" | sed -n '/"node_modules\//,$p'); then
  log "installing the load generator (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

WORK=$(mktemp -d /tmp/storewise-load.XXXXXX)
SERVER_PIDS=()
PG_BIN= PG_RUN_AS=()
cleanup() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_BIN" ]; then "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true; fi
  if [ -n "$KEEP" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() {
  for _ in $(seq 1 100); do
    local candidate=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

export Auth__SigningKey="load-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export Storage__DataDirectory="$WORK/data"
# The per-tenant limit (2,000/s by default) would answer 429 above it; the harness measures the server, so it
# lifts the limit while keeping the limiter in the request path.
export RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000
DB_PID=
if [ "$PROVIDER" = postgres ]; then
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
  if [ -z "$PG_BIN" ]; then
    log "PostgreSQL not found: installing it with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
  fi
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$WORK/pg" postgres
    chown postgres "$WORK/pg"; chmod 755 "$WORK"
    PG_RUN_AS=(runuser -u postgres --)
  fi
  PG_PORT=$(free_port)
  "${PG_RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
  # fsync off only speeds up seeding; the measured phases read.
  "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -t 60 \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=128MB" start >/dev/null
  DB_PID=$(head -1 "$WORK/pg/data/postmaster.pid")
  export Storage__Provider=postgres
  export ConnectionStrings__Storewise="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
else
  export Storage__Provider=sqlite
fi

URLS=()
for i in $(seq 1 "$INSTANCES"); do
  port=$(free_port)
  (cd "$BIN" && exec dotnet Storewise.Api.dll --urls "http://127.0.0.1:$port" >"$WORK/server-$i.log" 2>&1) &
  SERVER_PIDS+=($!)
  URLS+=("http://127.0.0.1:$port")
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "${SERVER_PIDS[-1]}" 2>/dev/null || { cat "$WORK/server-$i.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { log "server $i not ready"; cat "$WORK/server-$i.log" >&2; exit 1; }
  log "server $i (pid ${SERVER_PIDS[-1]}) ready on 127.0.0.1:$port"
done

TOKEN=$(cd "$BIN" && dotnet Storewise.Api.dll token --tenant "load$(date +%s)" --days 1 | tail -1)

log "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -m | awk '/^Mem:/ {print $2}') MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
DB_ARGS=()
[ -n "$DB_PID" ] && DB_ARGS=(--db-pid "$DB_PID")
IFS=,
CLK_TCK=$(getconf CLK_TCK) timeout 3600 node "$HERE/load.mjs" --urls "${URLS[*]}" --pids "${SERVER_PIDS[*]}" \
  "${DB_ARGS[@]}" --token "$TOKEN" --promotions "$PROMOTIONS" --rate "$RATE" --duration "$DURATION" \
  --label "${PROMOTIONS} promotions, ${PROVIDER}, ${INSTANCES} instance(s)" "${LOAD_ARGS[@]}"
unset IFS
if grep -q ' fail: ' "$WORK"/server-*.log; then
  log "the server logged errors:"; grep -A3 ' fail: ' "$WORK"/server-*.log | head -40 >&2
fi
