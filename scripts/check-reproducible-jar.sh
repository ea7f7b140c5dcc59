#!/usr/bin/env bash
# Builds the library jar twice without `clean` and checks that both builds hold the same entries with the same
# bytes. Catches output that accumulates between builds (stale executable-model classes) and names that change
# from one build to the next. Usage: scripts/check-reproducible-jar.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
listing() {
  local jar
  # The newest library jar: an older version's jar may still be in target/.
  jar=$(ls -t target/ftz-outbound-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-cli' | head -n 1)
  echo "$jar" >&2
  # One line per entry: its name and the SHA-256 of its bytes.
  python3 - "$jar" <<'PY'
import hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in sorted(z.infolist(), key=lambda i: i.filename):
        print(info.filename, hashlib.sha256(z.read(info)).hexdigest())
PY
}
first=$(mktemp); second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT
mvn -B -q "$@" package -DskipTests
listing > "$first"
mvn -B -q "$@" package -DskipTests
listing > "$second"
if ! diff -u "$first" "$second"; then
  echo "check-reproducible-jar: the second build's jar differs from the first" >&2
  exit 1
fi
echo "check-reproducible-jar: two builds, same $(wc -l < "$first") entries, same bytes"
