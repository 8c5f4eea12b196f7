#!/usr/bin/env bash
# The console's list page at 10,000 promotions: server time per page (p50/p95/p99 over random pages, measured on
# loopback with curl), and the bytes of a first page view (HTML plus the one stylesheet and the one script).
# Starts a Release server of its own on SQLite in a temp folder and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-10000}
SAMPLES=${SAMPLES:-300}
PORT=${PORT:-5791}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/storewise-console-bench.XXXXXX)
KEY="storewise-console-bench-signing-key-0123456789"
DLL=src/Storewise.Api/bin/Release/net10.0/Storewise.Api.dll
export Storage__DataDirectory="$DATA" Auth__SigningKey="$KEY" Webhooks__WorkerEnabled=false Logging__LogLevel__Default=Warning \
  Console__SignInAttempts=1000 RateLimit__Enabled=false

dotnet build src/Storewise.Api -c Release -v quiet -nologo >/dev/null
dotnet "$DLL" --urls "$BASE" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
until curl -sf "$BASE/health/ready" >/dev/null; do sleep 0.3; done

TOKEN=$(dotnet "$DLL" token --tenant dodici)
echo "seeding $COUNT promotions"
seq 1 "$COUNT" | xargs -P 8 -I{} curl -sf -o /dev/null -X POST "$BASE/v0/promotions/promotion" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench promotion {}","validFrom":"2020-01-01T00:00:00Z","active":true,"category":{"kind":"CartLevelPercentage","discount":5},"currencies":[{"code":"EUR","minimumCartValue":0}],"stores":[]}'

echo "bench password 1234" | dotnet "$DLL" admin set-password --tenant dodici --user bench >/dev/null 2>&1
JAR="$DATA/cookies"
page=$(curl -s -c "$JAR" "$BASE/console/sign-in")
csrf=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "$BASE/console/sign-in" \
  --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$csrf" \
  --data-urlencode "tenant=dodici" --data-urlencode "user=bench" --data-urlencode "password=bench password 1234" --data-urlencode "returnUrl=/console"

pages=$(( (COUNT + 24) / 25 ))
sample() { # $1: URL prefix; prints one time_total in ms per request
  for _ in $(seq 1 "$SAMPLES"); do
    curl -s -b "$JAR" -H "Authorization: Bearer $TOKEN" -o /dev/null -w '%{time_total}\n' "$1$(( RANDOM % pages + 1 ))"
  done | awk '{printf "%.2f\n", $1 * 1000}' | sort -n
}
percentiles() { awk '{a[NR]=$1} END {printf "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)\n", a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], a[NR], NR}'; }
for _ in $(seq 1 30); do curl -s -b "$JAR" -o /dev/null "$BASE/console/promotions?page=$(( RANDOM % pages + 1 ))"; done
echo "console list page /console/promotions?page=N: $(sample "$BASE/console/promotions?page=" | percentiles)"
echo "API list page (count=25) it calls:            $(sample "$BASE/v0/promotions/promotion?count=25&page=" | percentiles)"

html=$(curl -s -b "$JAR" -o /dev/null -w '%{size_download}' "$BASE/console/promotions")
signin=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/console/sign-in")
css=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/console/assets/console.css")
js=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/console/assets/console.js")
echo "first page view, uncompressed: sign-in $signin B, promotions list $html B, console.css $css B, console.js $js B"
echo "  sign-in view total $((signin + css + js)) B; list view total $((html + css + js)) B"
