#!/usr/bin/env bash
# Regenerates README.md's sample decision from the current build: compiles the project and runs the set-up command
# (`evaluate docs/examples/jiangsu-scc-cumulative.json`) through ReadmeSampleTest, which trims the output by fixed
# rules and writes it between the README's BEGIN/END sample-decision markers. `mvn -B verify` runs the same test
# without writing and fails while the README is stale.
# Usage: scripts/update-readme-sample.sh [extra mvn args, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q "$@" test -Dtest=ReadmeSampleTest -Dsurefire.failIfNoSpecifiedTests=false -Dftz.readme.update=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
git --no-pager diff --stat -- README.md || true
