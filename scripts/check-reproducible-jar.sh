#!/usr/bin/env bash
# Builds twice without `clean` and checks that both builds give byte-identical jars (library, sources, javadoc,
# command line). Catches output that accumulates between builds (stale executable-model classes were shipped:
# 917 KB, then 3.2 MB) and names or timestamps that change from one build to the next.
# Usage: scripts/check-reproducible-jar.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
first=$(mktemp -d)
trap 'rm -rf "$first"' EXIT
# Every jar of the build: the runnable jar in target/ and, once the build has modules, each module's jars.
jars() { ls target/*.jar */target/*.jar 2>/dev/null || true; }
mvn -B -q "$@" package -DskipTests
for jar in $(jars); do
  mkdir -p "$first/$(dirname "$jar")"
  cp "$jar" "$first/$jar"
done
mvn -B -q "$@" package -DskipTests
status=0
for name in $(jars); do
  jar="$first/$name"
  if [ ! -f "$jar" ]; then
    status=1
    echo "check-reproducible-jar: $name appeared in the second build only" >&2
  elif cmp -s "$jar" "$name"; then
    echo "check-reproducible-jar: $name: same bytes ($(wc -c < "$jar") bytes)"
  else
    status=1
    echo "check-reproducible-jar: $name differs between the two builds" >&2
    if command -v python3 >/dev/null; then
      python3 - "$jar" "$name" <<'PY' >&2
import hashlib, sys, zipfile
def entries(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}
a, b = entries(sys.argv[1]), entries(sys.argv[2])
for n in sorted(set(a) | set(b)):
    if a.get(n) != b.get(n):
        print("  " + ("only in the second: " if n not in a else "only in the first: " if n not in b else "changed: ") + n)
PY
    fi
  fi
done
exit $status
