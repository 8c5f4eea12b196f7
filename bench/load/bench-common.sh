# Shared helpers of the load scripts: build, start a server on sqlite or postgres, seed a coupon, stop.
# Sourced, not run. PostgreSQL admin conninfo: STOREWISE_BENCH_POSTGRES (psql syntax).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_ADMIN="${STOREWISE_BENCH_POSTGRES:-host=127.0.0.1 port=55432 user=postgres dbname=postgres}"
DLL="$ROOT/src/Storewise.Api/bin/Release/net10.0/Storewise.Api.dll"
SIGNING_KEY="storewise-bench-signing-key-0123456789abcdef"
TENANT="bench"

build_server() {
  dotnet build "$ROOT/src/Storewise.Api" -c Release -v q -nologo >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_server PROVIDER WORKDIR -> sets SERVER_PID, BASE_URL, DB_NAME
start_server() {
  local provider="$1" work="$2"
  export Storage__Provider="$provider" Storage__DataDirectory="$work/data" Auth__SigningKey="$SIGNING_KEY"
  export Logging__LogLevel__Default=Information Logging__LogLevel__Microsoft=Warning
  if [ "$provider" = postgres ]; then
    DB_NAME="sw_bench_$RANDOM$RANDOM"
    psql "$PG_ADMIN" -qc "CREATE DATABASE $DB_NAME" >/dev/null
    local host port user
    host=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$PG_ADMIN"); port=$(sed -n 's/.*port=\([^ ]*\).*/\1/p' <<<"$PG_ADMIN")
    user=$(sed -n 's/.*user=\([^ ]*\).*/\1/p' <<<"$PG_ADMIN")
    export ConnectionStrings__Storewise="Host=$host;Port=$port;Username=$user;Database=$DB_NAME;Maximum Pool Size=100"
  else
    DB_NAME=""
    export ConnectionStrings__Storewise="Data Source=$work/data/storewise.db"
  fi
  local port; port=$(free_port)
  BASE_URL="http://127.0.0.1:$port"
  # Per-request log lines off: they would cost the load runs more than they tell.
  env "Logging__LogLevel__Storewise.Requests=Warning" dotnet "$DLL" --urls "$BASE_URL" >"$work/server-$provider.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    curl -fs "$BASE_URL/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "server did not start; see $work/server-$provider.log" >&2
  return 1
}

token() {
  dotnet "$DLL" token --tenant "$TENANT" | tail -n 1
}

# run_sql PROVIDER WORKDIR SQL
run_sql() {
  if [ "$1" = postgres ]; then
    psql "${PG_ADMIN/dbname=postgres/dbname=$DB_NAME}" -qAtc "$3"
  else
    sqlite3 "$2/data/storewise.db" "$3"
  fi
}

# seed_coupon PROVIDER WORKDIR ID SINGLE_USE(true|false)
seed_coupon() {
  local active=true now
  [ "$1" = sqlite ] && active=1
  now=$(date +%s%3N)
  run_sql "$1" "$2" "INSERT INTO offers (tenant, id, type, name, name_key, kind, active, valid_from, valid_to, document, version, created_at, created_by, updated_at, updated_by)
    VALUES ('$TENANT', '$3', 'coupon', '$3', upper('$3'), 'CartLevelPercentage', $active, 0, NULL,
    '{\"id\":\"$3\",\"name\":\"$3\",\"active\":true,\"validFrom\":\"2020-01-01T00:00:00Z\",\"category\":{\"kind\":\"CartLevelPercentage\",\"discount\":10},\"currencies\":[{\"code\":\"EUR\",\"minimumCartValue\":0}],\"singleUse\":$4,\"consumers\":[],\"tenant\":\"$TENANT\",\"version\":\"v1\",\"createdAt\":\"2020-01-01T00:00:00Z\",\"createdBy\":\"bench\",\"updatedAt\":\"2020-01-01T00:00:00Z\",\"updatedBy\":\"bench\"}', 'v1', $now, 'bench', $now, 'bench')"
}

stop_server() {
  local provider="$1"
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  if [ "$provider" = postgres ] && [ -n "$DB_NAME" ]; then
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
  fi
}

peak_rss_mib() {
  awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"
}
