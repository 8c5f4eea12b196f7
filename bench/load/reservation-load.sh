#!/usr/bin/env bash
# Reservation + confirmation throughput on PostgreSQL: distinct limited offers, then one hot money budget, ~20 s each.
# Usage: bench/load/reservation-load.sh [seconds=20] [concurrency=8]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

WORK=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
build_server
dotnet build "$ROOT/bench/ReservationLoad" -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cpu, $(lscpu | sed -n 's/^Model name: *//p'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_server postgres "$WORK"
TOKEN=$(token)
dotnet "$ROOT/bench/ReservationLoad/bin/Release/net10.0/ReservationLoad.dll" "$BASE_URL" "$TOKEN" "${1:-20}" "${2:-8}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server peak RSS: $(peak_rss_mib "$SERVER_PID") MiB"
stop_server postgres
