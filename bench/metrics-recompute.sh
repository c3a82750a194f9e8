#!/usr/bin/env bash
# Times a recompute of metrics-service: POST /api/v1/recompute {from, to, sync:false} and polls until it ends.
#   bench/metrics-recompute.sh [BASE_URL] [FROM] [TO]     (defaults: http://127.0.0.1:8083, 364 days ago, today)
# Facts are seeded beforehand with bench/metrics/seed.sql (1 M contacts, 10 M sends, 100 k deals, 2 M interactions).
set -euo pipefail
BASE=${1:-http://127.0.0.1:8083}
FROM=${2:-$(date -u -d '-364 days' +%Y-%m-%d)}
TO=${3:-$(date -u +%Y-%m-%d)}
start=$(date +%s.%N)
id=$(curl -sf -H 'Content-Type: application/json' -d "{\"from\":\"$FROM\",\"to\":\"$TO\",\"sync\":false}" \
  "$BASE/api/v1/recompute" | sed 's/.*"id":"\([^"]*\)".*/\1/')
while :; do
  run=$(curl -sf "$BASE/api/v1/recompute/$id")
  case "$run" in
    *'"status":"queued"'* | *'"status":"running"'*) sleep 0.2 ;;
    *) break ;;
  esac
done
end=$(date +%s.%N)
echo "$run"
printf 'recompute %s..%s: %.1f s wall clock\n' "$FROM" "$TO" "$(echo "$end - $start" | bc)"
