#!/usr/bin/env bash
# The newcomer's path, checked: clone this repository into a temporary folder, run the README's
# two commands there (`npm install && npm start`, then `npm test` is CI's own job), and check that
# /api/health and the home page answer. Everything runs on loopback and stops by itself.
#   bash scripts/fresh-check.sh               all of it, in a folder of its own, removed afterwards
#   bash scripts/fresh-check.sh prepare DIR   only the clone and `npm install`, into the empty DIR
#   bash scripts/fresh-check.sh start DIR     `npm start` on a DIR made by prepare, left running in
#                                             the background (FRESH_NICE: its CPU priority, 0–19)
#   bash scripts/fresh-check.sh check DIR     waits for that server, checks it, stops it and
#                                             removes DIR
#   bash scripts/fresh-check.sh serve DIR     start, then check
#   bash scripts/fresh-check.sh stop DIR      stops a started server and removes DIR (cleanup)
# .ci/run runs `prepare` and then `start` (at the lowest priority) alongside its own steps, and
# `check` at the end: the same two commands on the same clone, only started earlier. `npm start`
# builds the app in the clone, as on a newcomer's machine; at nice 19 it takes only the CPU the
# tests leave idle (they mostly wait on a browser or a database).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-all}"
case "$mode" in
  all) work="$(mktemp -d -t taskdeck-fresh-XXXXXX)" ;;
  prepare | start | check | serve | stop)
    work="${2:?✖ fresh-check.sh $mode needs a folder: bash scripts/fresh-check.sh $mode DIR}"
    ;;
  *)
    echo "✖ Unknown mode \"$mode\": use no argument, or prepare, start, check, serve or stop with DIR" >&2
    exit 2
    ;;
esac

# The started server's process group, recorded by `start` for `check` and `stop`.
stop_server() {
  local group
  group="$(cat "$work/server.pgid" 2>/dev/null || true)"
  if [ -n "$group" ]; then kill -- -"$group" 2>/dev/null || true; fi
}

if [ "$mode" = stop ]; then
  stop_server
  rm -rf "$work"
  exit 0
fi

# The folder is removed afterwards, so it must be an empty one (prepare) or a prepared clone.
if [ "$mode" = prepare ] && [ -n "$(ls -A "$work" 2>/dev/null)" ]; then echo "✖ $work is not empty"; exit 1; fi
if [ "$mode" != prepare ] && [ "$mode" != all ] && [ ! -f "$work/taskdeck/package.json" ]; then
  echo "✖ $work holds no prepared clone: run prepare first"
  exit 1
fi
if [ "$mode" = check ] && [ ! -f "$work/server.pgid" ]; then
  echo "✖ no server was started in $work: run start first"
  exit 1
fi

# prepare and start leave their folder for the next mode; a failed one removes it.
case "$mode" in
  prepare) trap 'status=$?; [ "$status" -eq 0 ] || rm -rf "$work"' EXIT ;;
  start) trap 'status=$?; [ "$status" -eq 0 ] || { stop_server; rm -rf "$work"; }' EXIT ;;
  *) trap 'stop_server; rm -rf "$work"' EXIT ;;
esac

if [ "$mode" = prepare ] || [ "$mode" = all ]; then
  echo "▸ Cloning $repo into $work"
  git clone --quiet "$repo" "$work/taskdeck"
  echo "▸ npm install"
  (cd "$work/taskdeck" && npm install --no-audit --no-fund >"$work/install.log" 2>&1) ||
    { tail -40 "$work/install.log"; echo "✖ npm install failed"; exit 1; }
  [ "$mode" = prepare ] && exit 0
fi

if [ "$mode" != check ]; then
  port="${FRESH_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
  echo "$port" >"$work/port"
  echo "▸ npm start on port $port${FRESH_NICE:+ (nice $FRESH_NICE)}"
  set -m # its own process group, which check and stop end as a whole
  (cd "$work/taskdeck" && PORT="$port" HOST=127.0.0.1 exec nice -n "${FRESH_NICE:-0}" npm start) \
    >"$work/start.log" 2>&1 &
  echo "$!" >"$work/server.pgid"
  set +m
  [ "$mode" = start ] && exit 0
fi

port="$(cat "$work/port")"
# Whatever priority it started at, the server gets the CPU now: nothing else is left to run.
renice -n 0 -g "$(cat "$work/server.pgid")" >/dev/null 2>&1 || true
deadline=$(( $(date +%s) + 420 ))
until curl -fsS "http://127.0.0.1:$port/api/health" >"$work/health.json" 2>/dev/null; do
  if ! kill -0 "$(cat "$work/server.pgid")" 2>/dev/null; then tail -40 "$work/start.log"; echo "✖ npm start exited"; exit 1; fi
  if [ "$(date +%s)" -gt "$deadline" ]; then tail -40 "$work/start.log"; echo "✖ no answer within 7 minutes"; exit 1; fi
  sleep 2
done
echo "  /api/health: $(cat "$work/health.json")"
grep -q '"database":"ok"' "$work/health.json" || { echo "✖ the health check does not report the database ok"; exit 1; }

home="$(curl -fsS "http://127.0.0.1:$port/")"
echo "$home" | grep -q "<h1" || { echo "✖ the home page has no main heading"; exit 1; }
echo "$home" | grep -q "Topics" || { echo "✖ the home page does not list topics"; exit 1; }
echo "✔ Fresh clone: npm install && npm start serve the home page and a healthy /api/health"
