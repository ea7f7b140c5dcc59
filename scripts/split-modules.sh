#!/usr/bin/env bash
# Turns the single-module tree (pom.xml + src/) into the Maven modules of docs/architecture.md:
#   ftz-outbound-bom, ftz-outbound-core, ftz-outbound-ledger, ftz-outbound-cli, ftz-outbound-server.
#
# Re-runnable: it takes the single-module tree at whatever commit it finds and always produces the same layout,
# routing each source file by its package and by what it references (scripts/modules/split.py says how). On a
# tree that is already split it does nothing. The poms come from scripts/modules/*.pom.xml; versions and
# dependencies the single pom gained since (new libraries, new version properties) are carried over.
#
# Procedure on a moved main (docs/architecture.md, "Modules"):
#   git checkout modules && git reset --hard HEAD~1   # drop the previous split commit
#   git merge main                                     # conflicts are resolved in the single-module layout
#   scripts/split-modules.sh && git add -A && git commit -m "Split into Maven modules (scripts/split-modules.sh)"
#   mvn -B verify
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pom.xml ]; then
  echo "split-modules: no pom.xml here" >&2
  exit 1
fi
if [ -d ftz-outbound-core ] && [ ! -d src ]; then
  echo "split-modules: already split; nothing to do"
  exit 0
fi
exec python3 scripts/modules/split.py "$@"
