#!/usr/bin/env bash
# Redemption throughput on PostgreSQL: distinct single-use codes, then one hot multi-use code, ~20 s each.
# Usage: bench/load/redemption-load.sh [seconds=20] [concurrency=32]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

WORK=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
build_server
dotnet build "$ROOT/bench/RedemptionLoad" -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cpu, $(lscpu | sed -n 's/^Model name: *//p')"
start_server postgres "$WORK"
seed_coupon postgres "$WORK" "load-single" true
seed_coupon postgres "$WORK" "load-multi" false
TOKEN=$(token)
dotnet "$ROOT/bench/RedemptionLoad/bin/Release/net10.0/RedemptionLoad.dll" "$BASE_URL" "$TOKEN" load-single load-multi "${1:-20}" "${2:-32}"
echo "server peak RSS: $(peak_rss_mib "$SERVER_PID") MiB"
stop_server postgres
