#!/usr/bin/env bash
# Documented check for the HTML audit report: renders a report of sample decisions (in Chinese, the first ones
# unfolded) in headless Chromium and writes a screenshot. Needs Debian's chromium (apt-get install chromium
# fonts-noto-cjk) and a built jar (mvn -B -q package -DskipTests). Usage: scripts/report-screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/report-screenshot.png}
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jar=target/ftz-outbound-cli.jar
for f in docs/examples/*.json; do
  java -jar "$jar" evaluate "$f" --compact --with-request --record full 2>/dev/null >> "$tmp/decisions.jsonl" || true
done
java -jar "$jar" report "$tmp/decisions.jsonl" --out "$tmp/report" --lang zh
# The page builds its list with a script: give it time to run before the screenshot.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
  --virtual-time-budget=5000 --window-size=1280,1600 --screenshot="$out" \
  "file://$tmp/report/index.html#q=EX-JS-001&open=1" >/dev/null 2>&1
test -s "$out"
echo "report rendered: ${out#"$PWD/"} ($(wc -l < "$tmp/decisions.jsonl") decisions)"
