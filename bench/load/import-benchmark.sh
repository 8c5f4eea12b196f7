#!/usr/bin/env bash
# Imports a generated CSV of 100,000 codes (CODES=n for another count) on each provider and prints wall time,
# codes/s, the rows already settled when the upload was answered, and peak RSS.
# Usage: [CODES=n] [SERVER_DIR=dir] bench/load/import-benchmark.sh [sqlite] [postgres]   (default: both)
# SERVER_DIR runs an already built server (the folder holding Storewise.Api.dll) instead of building this tree.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-common.sh"

CODES="${CODES:-100000}"
providers=("$@"); [ ${#providers[@]} -eq 0 ] && providers=(sqlite postgres)
WORK=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
if [ -n "${SERVER_DIR:-}" ]; then DLL="$(cd "$SERVER_DIR" && pwd)/Storewise.Api.dll"; else build_server; fi
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
  # One process uploads (curl) and then polls every 20 ms, so the wall time is not a sum of process starts.
  python3 - "$provider" "$BASE_URL" "$TOKEN" "$WORK/codes.csv" "$CODES" "$SERVER_PID" <<'PY'
import json, subprocess, sys, time, urllib.request
provider, base, token, csv, codes, pid = sys.argv[1:]
url = f"{base}/v0/promotions/coupon/bench-coupon/code/import"
started = time.monotonic()
answer = json.loads(subprocess.run(["curl", "-fs", "-H", f"Authorization: Bearer {token}", "-F", f"import=@{csv};type=text/csv", url],
                                   check=True, capture_output=True).stdout)["codesImport"]
accepted = time.monotonic()
request = urllib.request.Request(f"{url}/{answer['id']}", headers={"Authorization": f"Bearer {token}"})
while True:
    imp = json.load(urllib.request.urlopen(request))["codesImport"]
    if imp["status"] in ("COMPLETED", "FAILED"):
        break
    time.sleep(0.02)
wall = time.monotonic() - started
rss = next(int(l.split()[1]) // 1024 for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM"))
print(f"{provider:8} status={imp['status']} created={imp['created']} errors={imp['errors']} "
      f"upload+202={accepted-started:.2f}s settled at 202={answer['processed']:,} wall={wall:.2f}s "
      f"codes/s={int(codes)/wall:,.0f} peak RSS={rss} MiB")
PY
  grep -h -o "Staged.*\|Settled.*" "$WORK/server-$provider.log" || true
  stop_server "$provider"
done
