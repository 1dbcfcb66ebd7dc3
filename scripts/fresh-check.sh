#!/usr/bin/env bash
# The newcomer's path, checked: clone this repository into a temporary folder, run the README's
# two commands there (`npm install && npm start`, then `npm test` is CI's own job), and check that
# /api/health and the home page answer. Everything runs on loopback and stops by itself.
#   bash scripts/fresh-check.sh               all of it, in a folder of its own, removed afterwards
#   bash scripts/fresh-check.sh prepare DIR   only the clone and `npm install`, into the empty DIR
#   bash scripts/fresh-check.sh serve DIR     `npm start` and the checks on a DIR made by prepare,
#                                             which is removed afterwards
# .ci/run runs `prepare` alongside its own first steps (it is mostly network and disk) and `serve`
# at the end: the same two commands on the same clone, only started earlier.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-all}"
case "$mode" in
  all) work="$(mktemp -d -t taskdeck-fresh-XXXXXX)" ;;
  prepare | serve)
    work="${2:?✖ fresh-check.sh $mode needs a folder: bash scripts/fresh-check.sh $mode DIR}"
    ;;
  *)
    echo "✖ Unknown mode \"$mode\": use no argument, prepare DIR or serve DIR" >&2
    exit 2
    ;;
esac
# The folder is removed afterwards, so it must be an empty one (prepare) or a prepared clone (serve).
if [ "$mode" = prepare ] && [ -n "$(ls -A "$work" 2>/dev/null)" ]; then echo "✖ $work is not empty"; exit 1; fi
if [ "$mode" = serve ] && [ ! -f "$work/taskdeck/package.json" ]; then
  echo "✖ $work holds no prepared clone: run prepare first"
  exit 1
fi
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -- -"$server_pid" 2>/dev/null || kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
# prepare leaves its folder for serve; a failed prepare removes it.
if [ "$mode" = prepare ]; then trap 'status=$?; [ "$status" -eq 0 ] || rm -rf "$work"' EXIT; else trap cleanup EXIT; fi

if [ "$mode" != serve ]; then
  echo "▸ Cloning $repo into $work"
  git clone --quiet "$repo" "$work/taskdeck"
  echo "▸ npm install"
  (cd "$work/taskdeck" && npm install --no-audit --no-fund >"$work/install.log" 2>&1) ||
    { tail -40 "$work/install.log"; echo "✖ npm install failed"; exit 1; }
  [ "$mode" = prepare ] && exit 0
fi

cd "$work/taskdeck"
port="${FRESH_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"

echo "▸ npm start on port $port"
set -m
PORT="$port" HOST=127.0.0.1 npm start >"$work/start.log" 2>&1 &
server_pid=$!
set +m

deadline=$(( $(date +%s) + 420 ))
until curl -fsS "http://127.0.0.1:$port/api/health" >"$work/health.json" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then tail -40 "$work/start.log"; echo "✖ npm start exited"; exit 1; fi
  if [ "$(date +%s)" -gt "$deadline" ]; then tail -40 "$work/start.log"; echo "✖ no answer within 7 minutes"; exit 1; fi
  sleep 2
done
echo "  /api/health: $(cat "$work/health.json")"
grep -q '"database":"ok"' "$work/health.json" || { echo "✖ the health check does not report the database ok"; exit 1; }

home="$(curl -fsS "http://127.0.0.1:$port/")"
echo "$home" | grep -q "<h1" || { echo "✖ the home page has no main heading"; exit 1; }
echo "$home" | grep -q "Topics" || { echo "✖ the home page does not list topics"; exit 1; }
echo "✔ Fresh clone: npm install && npm start serve the home page and a healthy /api/health"
