#!/usr/bin/env bash
# Time from JVM start to the first printed decision, for the command line: with the rules precompiled at build
# time (the default) and, for comparison, compiling the same DRL at start (--rules). Needs a built jar.
# Usage: scripts/bench-cold-start.sh [RUNS]   (docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
jar=target/ftz-outbound-cli.jar
req=docs/examples/jiangsu-scc-cumulative.json
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o /tmp/ftz-time java -jar "$jar" evaluate "$req" "$@" > /dev/null
    times+=("$(cat /tmp/ftz-time)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{t[NR]=$1; m[NR]=$2} END {
    printf "%-32s median %.2f s  min %.2f s  max %.2f s  peak RSS %d MB  (%d runs)\n", label, t[int((NR+1)/2)], t[1], t[NR], m[NR]/1024, NR}'
}
measure "precompiled (executable model)"
measure "DRL compiled at start" --rules ftz-outbound-core/src/main/resources/rules
