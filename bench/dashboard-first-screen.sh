#!/usr/bin/env bash
# The dashboard's first screen against a running stack (issue 12): page weight (the JS and CSS the overview loads,
# gzipped) and, in Debian's headless chromium (bench/dashboard/FirstScreen.java: fresh profile, cache off, every
# run a new navigation), the navigation's response end, DOMContentLoaded, first contentful paint and the moment the
# KPI tiles carry numbers.
#
# Usage: bench/dashboard-first-screen.sh BASE_URL API_KEY [RUNS (10)]
#   e.g. after dev/up: bench/dashboard-first-screen.sh http://127.0.0.1:8080 "$(the manager key dev/up printed)"
#   needs /usr/bin/chromium (apt-get install -y chromium); nothing downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?BASE_URL}
KEY=${2:?API_KEY}
RUNS=${3:-10}
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2; exit 1; }

echo "== page weight of $BASE/app/"
html=$(curl -fsS "$BASE/app/")
total_raw=0
total_gz=0
for asset in $(grep -oE '(src|href)="[^"]+\.(js|css)"' <<<"$html" | sed -E 's/^(src|href)="//; s/"$//'); do
  case "$asset" in http*) url=$asset ;; /*) url=$BASE$asset ;; *) url=$BASE/app/$asset ;; esac
  raw=$(curl -fsS "$url" | wc -c)
  gz=$(curl -fsS "$url" | gzip -9 | wc -c)
  printf '  %-60s %8d bytes, %7d gzipped\n' "$asset" "$raw" "$gz"
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
done
printf '  JS + CSS: %d bytes, %d bytes gzipped (%.1f KB)\n' "$total_raw" "$total_gz" "$(awk -v b="$total_gz" 'BEGIN { print b / 1024 }')"

echo "== first screen, $RUNS runs"
java bench/dashboard/FirstScreen.java "$BASE" "$KEY" "$RUNS"
