#!/usr/bin/env bash
# Documented check for the HTML audit report: renders a report of sample decisions in headless Chromium and
# writes a screenshot. Needs Debian's chromium (apt-get install chromium fonts-noto-cjk) and a built jar
# (mvn -B -q package -DskipTests). Usage: scripts/report-screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/report-screenshot.png}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
tmp=$(mktemp -d)
jar=ftz-outbound-cli/target/ftz-outbound-cli.jar
for f in docs/examples/*.json; do
  java -jar "$jar" evaluate "$f" --compact --with-request 2>/dev/null >> "$tmp/decisions.jsonl" || true
done
java -jar "$jar" report "$tmp/decisions.jsonl" --out "$tmp/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
  --window-size=1280,1600 --screenshot="$out" "file://$tmp/report.html" >/dev/null 2>&1
test -s "$out"
echo "report rendered: $out ($(wc -l < "$tmp/decisions.jsonl") decisions)"
