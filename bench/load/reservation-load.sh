#!/usr/bin/env bash
# Reservation + confirmation throughput on PostgreSQL: an unmeasured warm-up, then distinct limited offers, then one
# hot money budget, each for the given time. Runs on a PostgreSQL cluster of its own (so its CPU is the benchmark's
# alone; fsync off, as on the shared test server), with pg_stat_statements: the statements' calls, execution and planning
# time and buffer hits are printed after the run, and how many of the reservation tables' updates were HOT.
# Usage: bench/load/reservation-load.sh [seconds=20] [concurrency=8] [warmupSeconds=20]
# (20 s of warm-up: with 10 the first case was still timed while the server compiled its hot paths, on a busy machine)
# SERVER_DIR=DIR runs an already built server (a directory holding Storewise.Api.dll) instead of building this tree.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

WORK=$(mktemp -d)
PG_BIN=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
[ -n "$PG_BIN" ] || { echo "PostgreSQL's initdb not found under /usr/lib/postgresql" >&2; exit 1; }
PG_RUN_AS=()
mkdir -p "$WORK/pg"
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$WORK/pg" postgres
  chown postgres "$WORK/pg"; chmod 755 "$WORK"
  PG_RUN_AS=(runuser -u postgres --)
fi
cleanup() {
  [ -n "${SERVER_PID:-}" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
  "${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"${PG_RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
"${PG_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w -t 60 \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=128MB -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" \
  start >/dev/null
DB_PID=$(head -1 "$WORK/pg/data/postmaster.pid")
export STOREWISE_BENCH_POSTGRES="host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres"
psql "$STOREWISE_BENCH_POSTGRES dbname=template1" -qc "CREATE EXTENSION pg_stat_statements" >/dev/null

source "$HERE/bench-common.sh"
# One tenant sends every pair; the per-tenant rate limit (2,000 requests/s by default) would answer 429 once the
# pairs pass 1,000/s, so it is lifted as in run.sh and wrk-cart.sh.
export RateLimit__PermitsPerSecond=1000000 RateLimit__Burst=1000000
if [ -n "${SERVER_DIR:-}" ]; then
  DLL="$(cd "$SERVER_DIR" && pwd)/Storewise.Api.dll"
else
  build_server
fi
dotnet build "$ROOT/bench/ReservationLoad" -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cpu, $(lscpu | sed -n 's/^Model name: *//p'); load average: $(cut -d' ' -f1-3 /proc/loadavg); server: $DLL"
start_server postgres "$WORK"
TOKEN=$(token)
run_sql postgres "$WORK" "SELECT pg_stat_statements_reset()" >/dev/null
dotnet "$ROOT/bench/ReservationLoad/bin/Release/net10.0/ReservationLoad.dll" "$BASE_URL" "$TOKEN" "${1:-20}" "${2:-8}" "${3:-20}" "$SERVER_PID" "$DB_PID"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server peak RSS: $(peak_rss_mib "$SERVER_PID") MiB"
echo "statements (whole run, warm-up included; calls, execution ms, planning ms, rows, shared buffer hits, mean execution ms, buffer hits per call):"
run_sql postgres "$WORK" "SELECT calls || ' | ' || round(total_exec_time::numeric, 1) || ' | ' || round(total_plan_time::numeric, 1) || ' | ' || rows || ' | ' || shared_blks_hit
    || ' | ' || round(mean_exec_time::numeric, 3) || ' | ' || round(shared_blks_hit::numeric / calls, 1) || ' | ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time + total_plan_time DESC LIMIT 15"
# Updates that stayed on their page without touching an index (HOT) and the dead rows left for vacuum.
echo "tables (rows inserted, updated, of which HOT, dead):"
run_sql postgres "$WORK" "SELECT relname || ' | ' || n_tup_ins || ' | ' || n_tup_upd || ' | ' || n_tup_hot_upd || ' | ' || n_dead_tup FROM pg_stat_user_tables
  WHERE relname IN ('reservations', 'usage_grants', 'usage_counters', 'outbox_events') ORDER BY relname"
# Each pair commits twice (the reserve and the confirm), so the commits count the pairs, warm-up included.
echo "statements per pair (all statements' calls / half the commits): $(run_sql postgres "$WORK" "SELECT round(sum(calls)::numeric / nullif(sum(calls) FILTER (WHERE query = 'COMMIT'), 0) * 2, 1)
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")"
stop_server postgres
SERVER_PID=
