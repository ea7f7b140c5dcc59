#!/usr/bin/env bash
# Screenshots of the service's web page for the docs: builds nothing. Starts `serve --no-ledger` from the built jar
# (mvn -B -q package -DskipTests) on a free loopback port, opens the page with an example already decided
# (?example=…&decide=1) in headless Chromium (Debian: apt-get install chromium fonts-noto-cjk), in English and in
# Chinese (?lang=zh), and stops the server. Usage: scripts/screenshots.sh [OUT_DIR]   (default: docs)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-docs}
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
jar=target/ftz-outbound-cli.jar
test -f "$jar" || { echo "no $jar: build it first (mvn -B -q package -DskipTests)" >&2; exit 2; }
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
java -jar "$jar" serve --no-ledger --host 127.0.0.1 --port "$port" --data-dir "$tmp/data" >"$tmp/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null
shot() { # OUT.png QUERY
  # The page decides and explains with scripts: give them time to run before the screenshot.
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
    --virtual-time-budget=8000 --window-size=1280,1700 --screenshot="$1" \
    "http://127.0.0.1:$port/?$2" >/dev/null 2>&1
  test -s "$1"
  echo "page rendered: ${1#"$PWD/"}"
}
shot "$dir/service-screenshot.png" "lang=en&example=zhejiang-on-list-security-assessment&decide=1"
shot "$dir/service-screenshot-zh.png" "lang=zh&example=zhejiang-on-list-security-assessment&decide=1"
