#!/usr/bin/env bash
# Measures the latency of the contact list/filter endpoint (GET /api/v1/contacts with ~10 realistic filters, see
# bench/list-filter.lua) with wrk. Meant to run with 1,000,000 contacts present: bench/seed-million.sh first.
#
#   bench/list-filter.sh [BASE_URL]
#
# BASE_URL defaults to $CHATROI_API_URL, else http://127.0.0.1:8081. BENCH_THREADS (2), BENCH_CONNECTIONS (8) and
# BENCH_DURATION (30s) tune wrk. Sends "Authorization: Bearer $CHATROI_API_KEY" when set. Installs wrk with
# apt-get when it is missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."

URL=${1:-${CHATROI_API_URL:-http://127.0.0.1:8081}}
URL=${URL%/}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
DURATION=${BENCH_DURATION:-30s}
SCRIPT=bench/list-filter.lua

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wrk (apt-get install -y wrk)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: install it (Debian: sudo apt-get install wrk) and run this again." >&2
    exit 1
  fi
fi

# How many contacts are there? Only informative, and only when psql can tell.
if command -v psql >/dev/null 2>&1; then
  pgpassword=${PGPASSWORD:-}
  if [ -z "$pgpassword" ] && [ -f .dev/secrets.env ]; then pgpassword=$(sed -n 's/^PGPASSWORD=//p' .dev/secrets.env | tail -n 1); fi
  if count=$(PGPASSWORD=${pgpassword:-chatroi} psql -X -w -tA -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" \
    -U "${PGUSER:-chatroi}" -d "${BENCH_DATABASE:-contacts}" -c 'SELECT count(*) FROM contacts' 2>/dev/null); then
    echo "Contacts in the database: $count"
    if [ "$count" -lt 1000000 ]; then echo "(fewer than 1,000,000: run bench/seed-million.sh for the intended size)"; fi
  fi
fi

# Every request of the rotation must succeed, or the latencies would measure error answers.
AUTH=()
if [ -n "${CHATROI_API_KEY:-}" ]; then AUTH=(-H "Authorization: Bearer $CHATROI_API_KEY"); fi
echo "Checking each request once:"
failed=0
while read -r path; do
  result=$(curl -sS -o /dev/null -w '%{http_code} %{time_total}' "${AUTH[@]+"${AUTH[@]}"}" -H 'Accept: application/json' \
    "$URL$path" 2>&1) || true
  read -r status seconds _ <<<"$result"
  if [[ "$status" == 2?? ]]; then
    awk -v s="$status" -v t="$seconds" -v p="$path" 'BEGIN { printf "  %s %8.1f ms  %s\n", s, t * 1000, p }'
  else
    echo "  FAILED ($result)  $path" >&2
    failed=1
  fi
done < <(grep -o '"/api/v1/[^"]*"' "$SCRIPT" | tr -d '"')
if [ "$failed" = 1 ]; then
  echo "Some requests fail: fix the service (or bench/list-filter.lua) before measuring." >&2
  exit 1
fi

COMMAND=(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$SCRIPT" "$URL")
echo
echo "Command: ${COMMAND[*]}"
"${COMMAND[@]}"
