#!/usr/bin/env bash
# perf profile of the in-process replay (tests/Storewise.Api.Tests/Simulations/ReplayMeasurements.cs) on bench/load's
# catalogue: builds nothing (run `dotnet build tests/Storewise.Api.Tests -c Release` first), attaches perf to the
# test host for the replay alone and prints the self-time report by symbol.
#   bash bench/load/replay-profile.sh [CARTS] [OUT_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CARTS=${1:-50000}
OUT=${2:-$(mktemp -d /tmp/storewise-replay-profile.XXXXXX)}
mkdir -p "$OUT"
MARK="$OUT/mark"
rm -f "$MARK"
export STOREWISE_MEASURE=1 STOREWISE_REPLAY_CARTS=$CARTS STOREWISE_REPLAY_MARK=$MARK
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0
(cd "$ROOT" && dotnet test tests/Storewise.Api.Tests -c Release --no-build --logger "console;verbosity=detailed" \
  --filter "FullyQualifiedName~ReplayMeasurements.Carts_replayed_per_cpu_second_on_the_load_catalogue" >"$OUT/test.log" 2>&1) &
TEST=$!
while [ ! -s "$MARK" ]; do kill -0 $TEST 2>/dev/null || { cat "$OUT/test.log"; exit 1; }; sleep 0.2; done
PID=$(head -1 "$MARK")
perf record -F 999 -g -p "$PID" -o "$OUT/perf.data" 2>"$OUT/perf.log" &
PERF=$!
while ! grep -q done "$MARK"; do sleep 0.2; done
kill -INT $PERF; wait $PERF || true
wait $TEST || true
grep -E "replayed|load average" "$OUT/test.log" || true
perf report -i "$OUT/perf.data" --no-children --sort symbol -g none --percent-limit 0.4 2>/dev/null | grep -v '^$' | head -90
echo "profile in $OUT"
