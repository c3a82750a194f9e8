#!/usr/bin/env bash
# Issue 10: the same read as the issue-4 row of bench/RESULTS.md (GET /api/v1/kpis over 365 days grouped by campaign,
# java bench/metrics/KpiLoad.java URL 200 60), measured on two builds of metrics-service one after the other against
# the same seeded and recomputed database, so that "no slower than before" compares like with like.
#   bench/metrics-kpis-compare.sh BEFORE_APP AFTER_APP [PORT (18083)] [DATABASE (metrics)] [RATE (200)] [SECONDS (60)]
# BEFORE_APP / AFTER_APP: target/quarkus-app directories of the two builds (copy the first before rebuilding).
# Seed first: psql -d DATABASE -f bench/metrics/seed.sql, then start one build and bench/metrics-recompute.sh.
# Each build gets 30 s of the same load to warm the JIT before the measured 60 s. On a shared, busy machine the two
# runs see different loads, so the builds are then also started side by side (PORT and PORT+1) and asked in turn,
# one request at a time, for SECONDS (bench/metrics/AlternateLoad.java): the fair comparison when the box is noisy.
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=$1
AFTER=$2
PORT=${3:-18083}
DB=${4:-metrics}
RATE=${5:-200}
SECONDS_TO_RUN=${6:-60}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
URL="http://127.0.0.1:$PORT/api/v1/kpis?from=$(date -u -d '-364 days' +%Y-%m-%d)&to=$(date -u +%Y-%m-%d)&groupBy=campaign"
LOGS=$(mktemp -d)
pid=
pids=()
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
}
start() { # build port
  CHATROI_DATABASE=$DB QUARKUS_HTTP_PORT=$2 CHATROI_METRICS_RECOMPUTE_CRON=off \
    java -Xmx512m -jar "$1/quarkus-run.jar" >"$LOGS/$(basename "$1")-$2.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$2/q/health/ready" 2>/dev/null && break
    sleep 1
  done
}
trap cleanup EXIT

for build in "$BEFORE" "$AFTER"; do
  start "$build" "$PORT"
  echo "== $build: $(curl -s "$URL" | wc -c) bytes per answer"
  java bench/metrics/KpiLoad.java "$URL" "$RATE" 30 | sed "s/^/warm-up: /" || true
  java bench/metrics/KpiLoad.java "$URL" "$RATE" "$SECONDS_TO_RUN" || true
  cleanup
  pid=
done

echo "== side by side, asked in turn for $SECONDS_TO_RUN s: A = $BEFORE, B = $AFTER"
start "$BEFORE" "$PORT"; pids+=("$pid")
start "$AFTER" $((PORT + 1)); pids+=("$pid")
pid=
java bench/metrics/AlternateLoad.java "$URL" "${URL/:$PORT\//:$((PORT + 1))/}" "$SECONDS_TO_RUN"
