#!/usr/bin/env bash
# The read of a long list's boundaries (docs/decisions/0525-boundaries-by-hops.md), old and new SQL side by side:
#
#   bash bench/load/boundary-read.sh [--codes 100000] [--runs 5] [--no-vacuum]
#
# Starts a throwaway PostgreSQL cluster, fills coupon_codes (columns and indexes as in migration 0001) with one
# tenant holding a campaign coupon of --codes codes and a tenth as many codes of 18 other coupons interleaved with
# them (ids in ObjectIds' layout, as the load harness's seeding leaves them), then times both queries --runs times
# on PostgreSQL (psql \timing, plus one EXPLAIN (ANALYZE, BUFFERS) each) and on SQLite (the same rows, sqlite3
# .timer). --no-vacuum leaves the PostgreSQL table as a bulk insert leaves it (visibility map not set).
set -euo pipefail
CODES=100000 RUNS=5 VACUUM=1
while [ $# -gt 0 ]; do
  case "$1" in
    --codes) CODES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-vacuum) VACUUM=; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PG_BIN=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PG_BIN=$d; done
[ -n "$PG_BIN" ] || { echo "PostgreSQL not found" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 not found" >&2; exit 1; }
WORK=$(mktemp -d /tmp/storewise-boundaries.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK" 2>/dev/null && RUN_AS=(runuser -u postgres --); chmod 755 "$WORK"; fi
cleanup() { "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(( 20000 + RANDOM % 40000 ))
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/log" -w -t 60 \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=128MB -c autovacuum=off" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)

OTHERS=$(( CODES / 10 ))
"${PSQL[@]}" <<SQL
CREATE TABLE coupon_codes (
    tenant TEXT NOT NULL, id TEXT NOT NULL, coupon_id TEXT NOT NULL, code TEXT NOT NULL, code_key TEXT NOT NULL,
    active BOOLEAN NOT NULL, redemptions INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, held BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant, id));
CREATE UNIQUE INDEX ux_coupon_codes_key ON coupon_codes (tenant, code_key);
CREATE INDEX ix_coupon_codes_coupon ON coupon_codes (tenant, coupon_id, id);
-- Every 11th id belongs to one of 18 small coupons; the others to the campaign, in creation order.
INSERT INTO coupon_codes (tenant, id, coupon_id, code, code_key, active, created_at)
SELECT 'load', lpad(to_hex(1796218922 + i / 1000), 8, '0') || '-0d0b-4000-8000-f448df' || lpad(to_hex(i), 6, '0'),
       CASE WHEN i % 11 = 10 THEN 'small' || (i % 18) ELSE 'campaign' END, 'C' || i, 'C' || i, TRUE, 0
FROM generate_series(0, $CODES + $OTHERS - 1) AS i;
ANALYZE coupon_codes;
SQL
[ -n "$VACUUM" ] && "${PSQL[@]}" -c "VACUUM coupon_codes"
"${PSQL[@]}" -At -c "SELECT 'campaign codes ' || COUNT(*) FILTER (WHERE coupon_id = 'campaign') || ', all ' || COUNT(*) FROM coupon_codes"
"${PSQL[@]}" -At -c "SELECT 'visibility map: ' || relallvisible || ' of ' || relpages || ' pages all-visible' FROM pg_class WHERE relname = 'coupon_codes'"

WHERE="tenant = 'load' AND coupon_id = 'campaign'"
NUMBERED="SELECT k FROM (SELECT id AS k, ROW_NUMBER() OVER (ORDER BY id) AS n FROM coupon_codes WHERE $WHERE) ranked WHERE n % 1000 = 0 ORDER BY n"
HOPS="WITH RECURSIVE hop(k) AS (SELECT (SELECT id FROM coupon_codes WHERE $WHERE ORDER BY id LIMIT 1 OFFSET 999) UNION ALL SELECT (SELECT id FROM coupon_codes WHERE ($WHERE) AND id > hop.k ORDER BY id LIMIT 1 OFFSET 999) FROM hop WHERE hop.k IS NOT NULL) SELECT k FROM hop WHERE k IS NOT NULL ORDER BY k"

cmp -s <("${PSQL[@]}" -At -c "$NUMBERED") <("${PSQL[@]}" -At -c "$HOPS") || { echo "the two reads disagree" >&2; exit 1; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f ms (runs: %d, min %.1f, max %.1f)", v[int((NR + 1) / 2)], NR, v[1], v[NR] }'; }
pg_times() {
  { echo '\timing on'; echo '\o /dev/null'; for _ in $(seq 1 "$RUNS"); do echo "$1;"; done; } \
    | "${PSQL[@]}" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median
}
pg_plan() {
  "${PSQL[@]}" -c "EXPLAIN (ANALYZE, BUFFERS) $1" | grep -E 'Scan using|Heap Fetches|Execution Time|^ *Buffers' \
    | awk '/Buffers/ { if (seen++) next } { print }' | sed -E 's/^ *(-> )? */    /; s/\(cost=[^)]*\) //'
}
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  numbered rows (window function): $(pg_times "$NUMBERED")"; pg_plan "$NUMBERED"
echo "  hops of a stride:                $(pg_times "$HOPS")"; pg_plan "$HOPS"

"${PSQL[@]}" -c "\\copy (SELECT tenant, id, coupon_id, code, code_key, 1, 0, 0 FROM coupon_codes) TO '$WORK/codes.csv' WITH CSV"
sqlite3 "$WORK/codes.db" <<SQL
CREATE TABLE coupon_codes (tenant TEXT NOT NULL, id TEXT NOT NULL, coupon_id TEXT NOT NULL, code TEXT NOT NULL, code_key TEXT NOT NULL,
    active INTEGER NOT NULL, redemptions INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, PRIMARY KEY (tenant, id));
CREATE UNIQUE INDEX ux_coupon_codes_key ON coupon_codes (tenant, code_key);
CREATE INDEX ix_coupon_codes_coupon ON coupon_codes (tenant, coupon_id, id);
.mode csv
.import $WORK/codes.csv coupon_codes
ANALYZE;
SQL
sqlite_times() {
  { echo '.timer on'; echo '.output /dev/null'; for _ in $(seq 1 "$RUNS"); do echo "$1;"; done; } \
    | sqlite3 "$WORK/codes.db" | awk '/^Run Time/ { print $4 * 1000 }' | median
}
echo "SQLite $(sqlite3 --version | awk '{print $1}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  numbered rows (window function): $(sqlite_times "$NUMBERED")"
echo "  hops of a stride:                $(sqlite_times "$HOPS")"
