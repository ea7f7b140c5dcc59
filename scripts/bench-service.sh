#!/usr/bin/env bash
# Load run of the HTTP decision service on loopback (docs/performance.md): wrk at 1, 4 and 16 connections for a
# bounded duration each against a fresh `serve --no-ledger`. Needs wrk (apt-get install wrk) and the built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20s}
port=${2:-18080}
jar=target/ftz-outbound-cli.jar
data=$(mktemp -d)
java -Xmx512m -jar "$jar" serve --port "$port" --no-ledger --max-concurrent 64 --data-dir "$data" 2>"$data/serve.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.5; done
# Warm-up, not reported.
wrk -t 2 -c 4 -d 10s -s scripts/wrk-decisions.lua "http://127.0.0.1:$port" -- docs/examples/jiangsu-scc-cumulative.json >/dev/null
for c in 1 4 16; do
  t=$(( c < 2 ? 1 : 2 ))
  echo "connections=$c threads=$t duration=$duration"
  wrk -t "$t" -c "$c" -d "$duration" --latency -s scripts/wrk-decisions.lua "http://127.0.0.1:$port" \
    -- docs/examples/jiangsu-scc-cumulative.json | grep RESULT
done
