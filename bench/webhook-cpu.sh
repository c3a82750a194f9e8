#!/usr/bin/env bash
# What one webhook status costs, in figures that do not depend on the machine's load: statements sent to
# PostgreSQL per delivery and per status (counted on the wire by bench/webhook/PgStatementCounter.java), and
# CPU-milliseconds per 1,000 statuses of campaign-service's JVM and of its PostgreSQL backends (utime + stime from
# /proc/<pid>/stat before and after; PostgreSQL's shared background processes are left out). Starts its own
# campaign-service from the built jar (dispatcher off) behind the counting relay, warms it up, then sends RATE
# statuses/s for SECONDS with bench/webhook/WebhookLoad.java. Optionally records a JFR profile of the run.
# Usage: bench/webhook-cpu.sh [RATE (1000)] [SECONDS (30)]   (build first: ./mvnw -B -o -q -pl campaign-service
#        -am package -DskipTests)
# Environment: BENCH_CAMPAIGN_JAR (another build to compare, e.g. a copy of an earlier target/quarkus-app),
# BENCH_PORT_BASE (18270: service +2, management +12, relay +8, OTLP sink +9), BENCH_DB_SUFFIX (database
# campaigns<suffix>), BENCH_TRACING=off|export (default off: OpenTelemetry SDK disabled; export: every span sent
# over OTLP/HTTP to bench/otlp/OtlpSink.java), BENCH_JFR=<file.jfr> (record the measured run; summarise with
# `jfr print --events jdk.ExecutionSample FILE`), BENCH_WARMUP (seconds at RATE before measuring, default 30: the
# JIT's compilation is paid then, not per status).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
SECONDS_TO_RUN=${2:-30}
BASE=${BENCH_PORT_BASE:-18270}
SUFFIX=${BENCH_DB_SUFFIX:-}
DB=campaigns$SUFFIX
PORT=$((BASE + 2))
RELAY=$((BASE + 8))
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
SECRET=bench-app-secret-$RANDOM$RANDOM
LOGS=$(mktemp -d /tmp/webhook-cpu.XXXXXX)
COUNTS=$LOGS/statements
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
jar=${BENCH_CAMPAIGN_JAR:-campaign-service/target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -o -q -pl campaign-service -am package -DskipTests" >&2; exit 1; }

java bench/webhook/PgStatementCounter.java "$RELAY" "$PGHOST" "$PGPORT" "$COUNTS" >"$LOGS/relay.log" 2>&1 &
pids+=($!)
OTEL_ENV=(QUARKUS_OTEL_SDK_DISABLED=true)
if [ "${BENCH_TRACING:-off}" = export ]; then
  java bench/otlp/OtlpSink.java $((BASE + 9)) >"$LOGS/otlp.log" 2>&1 &
  pids+=($!)
  OTEL_ENV=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$((BASE + 9)) OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
fi
for _ in $(seq 1 60); do [ -s "$COUNTS" ] && break; sleep 1; done
[ -s "$COUNTS" ] || { echo "the statement-counting relay did not start: $LOGS/relay.log" >&2; exit 1; }
# shellcheck disable=SC2086
env "${OTEL_ENV[@]}" PGPORT=$RELAY QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 10)) \
  CHATROI_DATABASE=$DB CHATROI_DISPATCHER_ENABLED=false CHATROI_INTERNAL_TOKEN=bench WHATSAPP_APP_SECRET=$SECRET \
  CONTACTS_URL=http://127.0.0.1:9 java $JAVA_OPTS -jar "$jar" >"$LOGS/campaign.log" 2>&1 &
jvm=$!
pids+=($jvm)
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { echo "campaign-service did not start: $LOGS/campaign.log" >&2; exit 1; }
URL=http://127.0.0.1:$PORT/webhooks/whatsapp
echo "== vacuuming the tables the webhook writes in $DB (autovacuum: $(psql -d "$DB" -tAc 'SHOW autovacuum'))"
for table in receipts message_states webhook_deliveries sends; do psql -d "$DB" -qc "VACUUM ANALYZE $table"; done
WARMUP=${BENCH_WARMUP:-30}
echo "== tracing ${BENCH_TRACING:-off}; warm-up: $RATE statuses/s for $WARMUP s; logs in $LOGS"
java bench/webhook/WebhookLoad.java "$URL" "$SECRET" "warm$RANDOM" "$RATE" "$WARMUP" 64 >/dev/null

ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the JVM's CPU by kind of thread (the kernel keeps 15 characters of a thread's name): what serves requests, and
# what a short run also pays for (JIT compilation, garbage collection, JFR)
thread_ticks() {
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(tr ' ' '_' <"$task/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)"
  done | awk -F'\t' '{ name = $1; sub(/[-#_]?[0-9]+$/, "", name); sum[name] += $2 } END { for (n in sum) print n, sum[n] }' | sort
}
backends() {
  # retried: on a machine shared with test runs PostgreSQL's connection slots can be full for a moment
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    psql -d "$DB" -tAc "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND backend_type = 'client backend'
                        AND pid <> pg_backend_pid()" 2>/dev/null && return
    sleep 1
  done
  echo "could not list the pool's PostgreSQL backends" >&2
  return 1
}
pg_ticks() { local sum=0; for pid in $(backends); do sum=$((sum + $(ticks "$pid"))); done; echo $sum; }
HZ=$(getconf CLK_TCK)
read -r exec0 parse0 query0 sync0 <"$COUNTS"
jvm0=$(ticks $jvm); pg0=$(pg_ticks); backends0=$(backends | sort | tr '\n' ' '); thread_ticks $jvm >"$LOGS/threads0"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "${BENCH_JFR:-}" ]; then
  jcmd $jvm JFR.start name=bench settings=profile duration=${SECONDS_TO_RUN}s filename="$BENCH_JFR" >/dev/null
fi
RUN=cpu$RANDOM
java bench/webhook/WebhookLoad.java "$URL" "$SECRET" "$RUN" "$RATE" "$SECONDS_TO_RUN" 64 | tee "$LOGS/load.txt"
read -r exec1 parse1 query1 sync1 <"$COUNTS"
jvm1=$(ticks $jvm); pg1=$(pg_ticks); backends1=$(backends | sort | tr '\n' ' '); thread_ticks $jvm >"$LOGS/threads1"
load1=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$backends0" = "$backends1" ] || echo "note: the pool's backends changed during the run (PostgreSQL CPU undercounted)"
statuses=$(awk '/statuses acked/{print $3}' "$LOGS/load.txt")
deliveries=$(awk '/^requests/{print $2}' "$LOGS/load.txt")
stored=$(for _ in 1 2 3 4 5 6 7 8 9 10; do psql -d "$DB" -tAc "SELECT count(*) FROM receipts WHERE message_id LIKE
  'wamid.bench-$RUN-%'" 2>/dev/null && break; sleep 1; done)
echo "== load average before / after: $load0 / $load1"
echo "== $statuses statuses acknowledged in $deliveries deliveries, $stored receipts stored"
awk -v e=$((exec1 - exec0)) -v p=$((parse1 - parse0)) -v q=$((query1 - query0)) -v s=$((sync1 - sync0)) \
    -v d="$deliveries" -v n="$statuses" -v j=$((jvm1 - jvm0)) -v g=$((pg1 - pg0)) -v hz="$HZ" 'BEGIN {
  printf "statements per delivery  %.2f executed (+ %.2f simple queries, %.2f parses, %.2f round trips)\n", e / d, q / d, p / d, s / d
  printf "statements per status    %.3f\n", (e + q) / n
  printf "CPU ms per 1,000 statuses  JVM %.0f  PostgreSQL backends %.0f  total %.0f\n", j * 1000 / hz * 1000 / n, g * 1000 / hz * 1000 / n, (j + g) * 1000 / hz * 1000 / n
}'
echo "JVM CPU ms per 1,000 statuses by thread:"
join -a2 -e0 -o 0,1.2,2.2 "$LOGS/threads0" "$LOGS/threads1" | awk -v n="$statuses" -v hz="$HZ" \
  '$3 > $2 { printf "  %-20s %6.0f\n", $1, ($3 - $2) * 1000 / hz * 1000 / n }' | sort -k2 -nr
if [ -n "${BENCH_JFR:-}" ]; then
  sleep 2
  echo "== JFR: $BENCH_JFR (top frames: jfr print --events jdk.ExecutionSample $BENCH_JFR)"
fi
