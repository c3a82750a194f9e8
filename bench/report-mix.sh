#!/usr/bin/env bash
# Uncached dashboard reports at bench scale (issue 12): the calls behind the dashboard's pages (kpis by campaign,
# day, week, owner, country and variant, kpis filtered by a campaign or an owner, roi, funnel, trends) with random
# ranges over the last year, closed loop, by 1 and by 20 users at once (bench/metrics/ReportMix.java). Every request
# is a query the server has not seen in this run, so the report cache never answers.
#
# Starts its own metrics-service from the built jar on BENCH_PORT against the database metrics$BENCH_DB_SUFFIX and
# stops exactly that process at the end. Seeds the bench facts (bench/metrics/seed.sql: 1 M contacts, 10 M sends,
# 100 k deals, 2 M interactions; several minutes) and runs a full recompute only when that database has no sends or
# no succeeded recompute yet, so later runs reuse the data (BENCH_RESEED=1 seeds again).
#
# Usage: bench/report-mix.sh [USERS... (1 20)]
#   env: BENCH_SECONDS (60) measured seconds per user count, BENCH_WARMUP (20) seconds not counted before each,
#        BENCH_KINDS (all) comma-separated kinds of call to limit the mix to (kpis:day, roi, funnel, trends, ...),
#        BENCH_PORT (18083), BENCH_DB_SUFFIX (_bench), BENCH_SEED (random), CHATROI_JAVA_OPTS (-Xmx512m serial GC)
#   build first: ./mvnw -B -q -pl metrics-service -am package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=("$@")
[ ${#USERS[@]} -gt 0 ] || USERS=(1 20)
SECONDS_TO_RUN=${BENCH_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-20}
PORT=${BENCH_PORT:-18083}
SUFFIX=${BENCH_DB_SUFFIX:-_bench}
DB=metrics$SUFFIX
BASE=http://127.0.0.1:$PORT
JAR=metrics-service/target/quarkus-app/quarkus-run.jar
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC}
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -B -q -pl metrics-service -am package -DskipTests" >&2; exit 1; }
# shellcheck source=../dev/lib/postgres.sh
source dev/lib/postgres.sh
chatroi_prepare_postgres "$SUFFIX"
sql() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# user + system CPU of a process so far, in ms (0 when it is gone)
cpu_ms() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%d", ($12 + $13) * 1000 / hz }' <<<"$stat"
}

LOG=$(mktemp)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
start_service() {
  # shellcheck disable=SC2086
  CHATROI_DATABASE=$DB QUARKUS_HTTP_PORT=$PORT CHATROI_METRICS_SYNC_EVERY=off CHATROI_METRICS_RECOMPUTE_CRON=off \
    java $JAVA_OPTS -jar "$JAR" >"$LOG" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "metrics-service did not start; its log:" >&2
  tail -50 "$LOG" >&2
  exit 1
}
start_service   # migrates the schema
sends=$(sql -c "SELECT count(*) FROM f_sends")
recomputed=$(sql -c "SELECT count(*) FROM recompute_runs WHERE status = 'succeeded'")
if [ "${BENCH_RESEED:-0}" = 1 ] || [ "$sends" = 0 ]; then
  echo "== seeding $DB (bench/metrics/seed.sql)"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f bench/metrics/seed.sql
  recomputed=0
fi
if [ "$recomputed" = 0 ]; then
  echo "== full recompute"
  sql -c "SET client_min_messages = error" -c "ANALYZE"
  bench/metrics-recompute.sh "$BASE" "$(date -u -d '-364 days' +%Y-%m-%d)" "$(date -u +%Y-%m-%d)"
  sql -c "SET client_min_messages = error" -c "VACUUM ANALYZE"
fi
echo "== data: $(sql -c "SELECT (SELECT count(*) FROM f_sends) || ' sends, ' || (SELECT count(*) FROM f_contacts)
  || ' contacts, ' || (SELECT count(*) FROM snap_messages) || ' snap_messages rows, '
  || (SELECT count(*) FROM snap_contact_turns) || ' snap_contact_turns rows'")"
campaigns=$(sql -c "SELECT string_agg(id::text, ',') FROM f_campaigns")
owners=$(sql -c "SELECT string_agg(DISTINCT owner, ',') FROM snap_contacts WHERE owner IS NOT NULL")

for users in "${USERS[@]}"; do
  # a fresh JVM per user count: nothing of an earlier run is cached, the JIT warms up in WARMUP
  cleanup
  start_service
  echo "== $users user(s): ${WARMUP}s warm-up, then ${SECONDS_TO_RUN}s measured${BENCH_KINDS:+ (kinds $BENCH_KINDS)}"
  jvm_before=$(cpu_ms "$pid")
  xacts_before=$(sql -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'")
  out=$(java bench/metrics/ReportMix.java "$BASE" "$users" "$SECONDS_TO_RUN" "$WARMUP" "$campaigns" "$owners" \
    ${BENCH_SEED:+"$BENCH_SEED"})
  echo "$out"
  # CPU per request (load-robust, unlike latency): the service's JVM, and PostgreSQL's backends serving its pool
  # (opened by this fresh JVM, so their whole CPU time is this run's), over every request, warm-up included
  answered=$(sed -n 's/^answered in all: //p' <<<"$out")
  jvm=$(( $(cpu_ms "$pid") - jvm_before ))
  pg=0
  for backend in $(sql -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND backend_type = 'client backend'
      AND pid <> pg_backend_pid()"); do
    pg=$(( pg + $(cpu_ms "$backend") ))
  done
  sleep 1   # PostgreSQL publishes its transaction counts within a second
  # each report statement runs in its own transaction, so transactions per request ~ statements per request
  xacts=$(( $(sql -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$DB'") - xacts_before ))
  if [ "${answered:-0}" -gt 0 ]; then
    awk -v j="$jvm" -v p="$pg" -v n="$answered" -v x="$xacts" 'BEGIN { printf "CPU per request: service JVM %.2f ms,'\
' PostgreSQL %.2f ms; PostgreSQL transactions (statements) per request %.2f (%d requests)\n", j / n, p / n, x / n, n }'
  fi
done
