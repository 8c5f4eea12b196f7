#!/usr/bin/env bash
# Imports a generated CSV of 100,000 codes (CODES=n for another count) on each provider and prints wall time,
# codes/s, the rows already settled when the upload was answered, and peak RSS.
# Usage: [CODES=n] bench/load/import-benchmark.sh [sqlite] [postgres]   (default: both)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

CODES="${CODES:-100000}"
providers=("$@"); [ ${#providers[@]} -eq 0 ] && providers=(sqlite postgres)
WORK=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
build_server
python3 - "$WORK/codes.csv" "$CODES" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("code\n")
    for i in range(int(sys.argv[2])):
        f.write(f"BENCH-{i:07d}\n")
PY
if [ "$CODES" -gt 100000 ]; then
  # Past the default limits (100,000 codes, 10 MiB): let the server take this file.
  export Limits__MaxImportCodes="$CODES" Limits__MaxImportBytes="$(stat -c %s "$WORK/codes.csv")"
fi
echo "machine: $(nproc) cpu, $(lscpu | sed -n 's/^Model name: *//p'); file: $CODES codes, $(stat -c %s "$WORK/codes.csv") bytes"

for provider in "${providers[@]}"; do
  start_server "$provider" "$WORK"
  seed_coupon "$provider" "$WORK" "bench-coupon" false
  TOKEN=$(token)
  started=$(date +%s.%N)
  answer=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "import=@$WORK/codes.csv;type=text/csv" \
    "$BASE_URL/v0/promotions/coupon/bench-coupon/code/import")
  accepted=$(date +%s.%N)
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["codesImport"]["id"])' "$answer")
  at202=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["codesImport"]["processed"])' "$answer")
  while :; do
    body=$(curl -fs -H "Authorization: Bearer $TOKEN" "$BASE_URL/v0/promotions/coupon/bench-coupon/code/import/$id")
    status=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["codesImport"]["status"])' "$body")
    [ "$status" = COMPLETED ] || [ "$status" = FAILED ] && break
    sleep 0.05
  done
  ended=$(date +%s.%N)
  rss=$(peak_rss_mib "$SERVER_PID")
  python3 - "$provider" "$started" "$accepted" "$ended" "$CODES" "$rss" "$body" "$at202" <<'PY'
import json, sys
provider, started, accepted, ended, codes, rss, body, at202 = sys.argv[1:]
started, accepted, ended, codes = float(started), float(accepted), float(ended), int(codes)
imp = json.loads(body)["codesImport"]
wall = ended - started
print(f"{provider:8} status={imp['status']} created={imp['created']} errors={imp['errors']} "
      f"upload+202={accepted-started:.2f}s settled at 202={int(at202):,} wall={wall:.2f}s codes/s={codes/wall:,.0f} peak RSS={rss} MiB")
PY
  grep -h -o "Staged.*\|Settled.*" "$WORK/server-$provider.log" || true
  stop_server "$provider"
done
