#!/usr/bin/env bash
# Time from JVM start to the first printed decision, for the command line (docs/performance.md, Cold start):
#   plain       java -jar target/ftz-outbound-cli.jar evaluate …        (the JVM's defaults)
#   no-archive  bin/ftz-outbound evaluate … with FTZ_OUTBOUND_CDS=off    (the launcher's C1-only flags alone)
#   launcher    bin/ftz-outbound evaluate …                              (flags and the AppCDS archive)
# and, with BENCH_DRL=1, the same DRL compiled at start (--rules) instead of the precompiled model; with
# BENCH_BEFORE_JAR=/path/to/ftz-outbound-cli.jar, the launcher on that other build too ('before': keep a copy of an
# older build's jar with its own archive beside it, made by FTZ_OUTBOUND_CDS=dump FTZ_OUTBOUND_JAR=… bin/ftz-outbound
# evaluate …), so that before and after are measured in the same minute (docs/performance.md, Cold start).
# Needs a built jar and archive (mvn -B -q package -DskipTests). Uses hyperfine when installed (one warm-up run,
# then RUNS runs; the user and system CPU times it reports are less disturbed by other load than the wall time),
# else a loop with /usr/bin/time. Output goes to /dev/null; the decision must succeed (a failed run aborts).
# Usage: scripts/bench-cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
jar=target/ftz-outbound-cli.jar
req=docs/examples/jiangsu-scc-cumulative.json
[ -f "$jar" ] || { echo "bench-cold-start: $jar missing: mvn -B -q package -DskipTests" >&2; exit 1; }
[ -f target/ftz-outbound-cli.jsa ] || echo "bench-cold-start: no archive target/ftz-outbound-cli.jsa: 'launcher' runs without it" >&2

variants=(plain no-archive launcher)
[ "${BENCH_DRL:-0}" = 1 ] && variants+=(drl-at-start)
[ -n "${BENCH_BEFORE_JAR:-}" ] && variants+=(before)
command_of() {
  case $1 in
    plain) echo "java -jar $jar evaluate $req" ;;
    no-archive) echo "env FTZ_OUTBOUND_CDS=off bin/ftz-outbound evaluate $req" ;;
    launcher) echo "bin/ftz-outbound evaluate $req" ;;
    drl-at-start) echo "java -jar $jar evaluate $req --rules ftz-outbound-core/src/main/resources/rules" ;;
    before) echo "env FTZ_OUTBOUND_JAR=$BENCH_BEFORE_JAR bin/ftz-outbound evaluate $req" ;;
  esac
}

if command -v hyperfine >/dev/null; then
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
  for v in "${variants[@]}"; do
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$out" "$(command_of "$v")" >/dev/null
    python3 - "$v" "$out" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[2]))["results"][0]
t = sorted(r["times"])
q = statistics.quantiles(t, n=4)
print(f"{sys.argv[1]:<13} median {r['median']:.2f} s  min {t[0]:.2f}  max {t[-1]:.2f}  "
      f"IQR {q[0]:.2f}-{q[2]:.2f}  mean CPU user {r['user']:.2f} s + sys {r['system']:.2f} s  ({len(t)} runs)")
PY
  done
else
  for v in "${variants[@]}"; do
    read -r -a cmd <<< "$(command_of "$v")"
    times=()
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "%e %M" -o /tmp/ftz-time "${cmd[@]}" > /dev/null
      times+=("$(cat /tmp/ftz-time)")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$v" '{t[NR]=$1; m[NR]=$2} END {
      printf "%-13s median %.2f s  min %.2f  max %.2f  peak RSS %d MB  (%d runs)\n", label, t[int((NR+1)/2)], t[1], t[NR], m[NR]/1024, NR}'
  done
fi
