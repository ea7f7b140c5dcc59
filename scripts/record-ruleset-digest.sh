#!/usr/bin/env bash
# Records the bundled rule set's version and digest in docs/ruleset-digests.txt (docs/rule-authoring.md, section 6).
# Run it after raising `version` in ftz-outbound-core/src/main/resources/rules/ruleset.properties. It refuses to change the digest of
# a version already recorded: a changed rule set needs a new version. Builds the jar first unless
# target/ftz-outbound-cli.jar is newer than every file under ftz-outbound-core/src/main.
# Usage: scripts/record-ruleset-digest.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/ftz-outbound-cli.jar
if [ ! -f "$jar" ] || [ -n "$(find ftz-outbound-core/src/main pom.xml -newer "$jar" -type f | head -n 1)" ]; then
  mvn -B -q "$@" package -DskipTests
fi
read -r version digest < <(java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$jar" evaluate \
    docs/examples/jiangsu-scc-cumulative.json --compact \
  | python3 -c 'import json,sys; r=json.load(sys.stdin)["ruleset"]; print(r["version"], r["digest"])')
file=docs/ruleset-digests.txt
recorded=$(awk -v v="$version" '$1 == v {print $2}' "$file")
if [ "$recorded" = "$digest" ]; then
  echo "record-ruleset-digest: $version $digest is already recorded"
elif [ -n "$recorded" ]; then
  echo "record-ruleset-digest: version $version is recorded with $recorded, but the rules now give $digest." >&2
  echo "Raise version in ftz-outbound-core/src/main/resources/rules/ruleset.properties, rebuild, and run this again." >&2
  exit 1
elif grep -q " $digest\$" "$file"; then
  echo "record-ruleset-digest: $digest is already recorded for another version; nothing changed since then." >&2
  exit 1
else
  echo "$version $digest" >> "$file"
  echo "record-ruleset-digest: recorded $version $digest"
fi
