#!/usr/bin/env bash
# Batch throughput and memory: N 3-item requests through evaluate-batch, JSON in and out, with a 256 MB heap.
# Usage: scripts/bench-batch.sh [N] [THREADS] [extra evaluate-batch options, e.g. --record full; lean by default]   (docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}; threads=${2:-2}; shift $(( $# > 2 ? 2 : $# ))
in=/tmp/ftz-batch-in-$n.jsonl
[ -s "$in" ] || python3 scripts/gen-requests.py "$n" "$in"
/usr/bin/time -f "wall %e s, peak RSS %M KB" java -Xmx256m -jar target/ftz-outbound-cli.jar evaluate-batch "$in" /tmp/ftz-batch-out.jsonl --threads "$threads" "$@" 2>&1 | tail -2
ls -la /tmp/ftz-batch-out.jsonl | awk '{printf "output %.1f MB\n", $5/1048576}'
