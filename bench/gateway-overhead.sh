#!/usr/bin/env bash
# Gateway overhead (issue 5): the same small JSON GET (GET /api/v1/tags?limit=5 on contacts-service) called directly
# and through the gateway, at a fixed 1,000 requests/s (open loop, bench/gateway/GatewayLoad.java), then closed-loop
# maximum throughput of both with wrk when it is installed. Starts its own contacts-service (port 18081) and
# gateway (18080) from the built jars against the dev databases, and stops exactly those at the end.
# Usage: bench/gateway-overhead.sh [RATE (1000)] [SECONDS (30)]   (build first: ./mvnw -B -o -q -pl
#        contacts-service,gateway package -DskipTests)
# Environment: BENCH_PORT_BASE (18080: gateway +0, contacts +1, their management ports +10/+11, OTLP sink +9),
# BENCH_DB_SUFFIX (appended to the database names, e.g. _ob), BENCH_TRACING=off|export (default export: spans sent
# over OTLP/HTTP to bench/otlp/OtlpSink.java; off: the OpenTelemetry SDK disabled, for the A/B), BENCH_GATEWAY_JAR
# and BENCH_CONTACTS_JAR (other builds to compare, e.g. copies of an earlier target/quarkus-app). Metrics are on.
# Each open-loop run also prints the gateway's and contacts-service's CPU ms per 1,000 requests (/proc/<pid>/stat).
# BENCH_LOAD_WARMUP=S lets each measured open-loop run first send S seconds of the same load from its own JVM,
# unmeasured (GatewayLoad -Dwarmup: a cold generator falls behind its schedule; compare the p90 of the first and last
# 3 s it prints; the CPU per 1,000 then counts the warm-up's requests as answered too). BENCH_OPEN_LOOP=off
# skips the measured open-loop runs (after the warm-up): the wrk figures only, for a quick A/B.
# BENCH_JFR=DIR records each service with Java Flight Recorder (profile settings) into DIR/gateway.jfr and
# DIR/contacts-service.jfr, e.g. `jfr print --events jdk.ExecutionSample DIR/gateway.jfr` for where the CPU goes.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
SECONDS_TO_RUN=${2:-30}
BASE=${BENCH_PORT_BASE:-18080}
CONTACTS_PORT=$((BASE + 1))
GATEWAY_PORT=$BASE
SUFFIX=${BENCH_DB_SUFFIX:-}
if [ -f .dev/secrets.env ]; then set -a; source .dev/secrets.env; set +a; fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
TOKEN=bench-internal-token-$RANDOM$RANDOM
ADMIN=bench-admin-key-$RANDOM$RANDOM
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
LOGS=$(mktemp -d)
jfr() { [ -n "${BENCH_JFR:-}" ] && echo "-XX:StartFlightRecording=settings=profile,filename=$BENCH_JFR/$1.jfr"; true; }
[ -z "${BENCH_JFR:-}" ] || mkdir -p "$BENCH_JFR"
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
OTEL_ENV=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$((BASE + 9)) OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
if [ "${BENCH_TRACING:-export}" = off ]; then
  OTEL_ENV=(QUARKUS_OTEL_SDK_DISABLED=true)
else
  java bench/otlp/OtlpSink.java $((BASE + 9)) >"$LOGS/otlp.log" 2>&1 &
  pids+=($!)
fi
echo "== tracing: ${BENCH_TRACING:-export} (${OTEL_ENV[*]}); logs in $LOGS"

for jar in contacts-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -o -q -pl contacts-service,gateway package -DskipTests" >&2; exit 1; }
done
# shellcheck disable=SC2086
env "${OTEL_ENV[@]}" QUARKUS_HTTP_PORT=$CONTACTS_PORT QUARKUS_MANAGEMENT_PORT=$((CONTACTS_PORT + 10)) \
  CHATROI_DATABASE=contacts$SUFFIX CHATROI_INTERNAL_TOKEN=$TOKEN CHATROI_CONTACTS_RETIER_CRON=off \
  java $JAVA_OPTS $(jfr contacts-service) -jar "${BENCH_CONTACTS_JAR:-contacts-service/target/quarkus-app/quarkus-run.jar}" >"$LOGS/contacts.log" 2>&1 &
contacts_pid=$!
pids+=($!)
# shellcheck disable=SC2086
env "${OTEL_ENV[@]}" QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_MANAGEMENT_PORT=$((GATEWAY_PORT + 10)) \
  CHATROI_DATABASE=gateway$SUFFIX CHATROI_INTERNAL_TOKEN=$TOKEN CHATROI_ADMIN_KEY=$ADMIN \
  CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT CHATROI_RATE_LIMIT_PER_SECOND=0 \
  java $JAVA_OPTS $(jfr gateway) -jar "${BENCH_GATEWAY_JAR:-gateway/target/quarkus-app/quarkus-run.jar}" >"$LOGS/gateway.log" 2>&1 &
gateway_pid=$!
pids+=($!)
for port in $CONTACTS_PORT $GATEWAY_PORT; do
  # up to 4 minutes: on a machine shared with builds a Quarkus start has taken 150 s
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
    sleep 1
  done
done
DIRECT=http://127.0.0.1:$CONTACTS_PORT/api/v1/tags?limit=5
VIA=http://127.0.0.1:$GATEWAY_PORT/api/v1/tags?limit=5
echo "== sanity"
echo "direct without token: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$DIRECT") (401 expected)"
echo "direct with token:    HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "X-ChatROI-Internal-Token: $TOKEN" "$DIRECT")"
echo "gateway with key:     HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "$VIA"), $(curl -s -H "Authorization: Bearer $ADMIN" "$VIA" | wc -c) bytes"

echo "== warm-up (JIT): 15 s of each at $RATE/s"
java bench/gateway/GatewayLoad.java "$DIRECT" "$RATE" 15 "X-ChatROI-Internal-Token: $TOKEN" >/dev/null
java bench/gateway/GatewayLoad.java "$VIA" "$RATE" 15 "Authorization: Bearer $ADMIN" >/dev/null

cpu() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat; }
# CPU of one process (utime + stime, clock ticks): the load-independent part of the comparison
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() {
  local name=$1 url=$2 header=$3 before after b0 i0 b1 i1 g0 c0 g1 c1 answered
  before=$(cpu); g0=$(ticks "$gateway_pid"); c0=$(ticks "$contacts_pid")
  java -Dwarmup="${BENCH_LOAD_WARMUP:-0}" bench/gateway/GatewayLoad.java "$url" "$RATE" "$SECONDS_TO_RUN" "$header" \
    | tee "$LOGS/$name.txt"
  after=$(cpu); g1=$(ticks "$gateway_pid"); c1=$(ticks "$contacts_pid")
  read -r b0 i0 <<<"$before"; read -r b1 i1 <<<"$after"
  echo "machine CPU busy: $(( 100 * (b1 - b0) / (b1 - b0 + i1 - i0) ))% of all cores" | tee -a "$LOGS/$name.txt"
  # the warm-up's requests (at the same rate) were served in the same CPU time
  answered=$(awk -v w="${BENCH_LOAD_WARMUP:-0}" -v s="$SECONDS_TO_RUN" '/answered/{print int($8 * (s + w) / s)}' \
    "$LOGS/$name.txt")
  awk -v g=$((g1 - g0)) -v c=$((c1 - c0)) -v n="$answered" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0)
    printf "CPU ms per 1,000 requests: gateway %.0f, contacts-service %.0f\n", g * 1e6 / hz / n, c * 1e6 / hz / n }' \
    | tee -a "$LOGS/$name.txt"
}
if [ "${BENCH_OPEN_LOOP:-on}" != off ]; then
echo "== direct: $RATE/s for ${SECONDS_TO_RUN}s"
run direct "$DIRECT" "X-ChatROI-Internal-Token: $TOKEN"
echo "== through the gateway: $RATE/s for ${SECONDS_TO_RUN}s"
run gateway "$VIA" "Authorization: Bearer $ADMIN"

p50() { awk '/latency/{print $4}' "$LOGS/$1.txt"; }
rps() { awk '/answered/{gsub(/[^0-9.]/,"",$9); print $9}' "$LOGS/$1.txt"; }
echo "== at $RATE/s: p50 direct $(p50 direct) ms, via gateway $(p50 gateway) ms, added $(awk -v a="$(p50 gateway)" -v b="$(p50 direct)" 'BEGIN{printf "%.2f", a-b}') ms;" \
  "answered direct $(rps direct)/s, via gateway $(rps gateway)/s, lost $(awk -v a="$(rps gateway)" -v b="$(rps direct)" 'BEGIN{printf "%.1f", 100*(b-a)/b}')%"
fi

if command -v wrk >/dev/null 2>&1; then
  echo "== one connection, one request at a time (wrk -t1 -c1 -d10s): the latency the hop adds, without queueing"
  wrk -t1 -c1 -d10s --latency -H "X-ChatROI-Internal-Token: $TOKEN" "$DIRECT" | grep -E " 50%| 90%| 99%|Requests/sec"
  wrk -t1 -c1 -d10s --latency -H "Authorization: Bearer $ADMIN" "$VIA" | grep -E " 50%| 90%| 99%|Requests/sec"
  echo "== closed-loop maximum (wrk -t2 -c32 -d15s), for reference"
  # with each process' CPU per 1,000 answered: on a shared machine the throughput swings with the neighbours, the
  # CPU a request costs much less (wrk itself is cheap, unlike the open-loop generator)
  closed() {
    local g0 c0 out
    g0=$(ticks "$gateway_pid"); c0=$(ticks "$contacts_pid")
    out=$(wrk -t2 -c32 -d15s -H "$2" "$1")
    echo "$out" | grep -E "Requests/sec|Latency"
    echo "$out" | awk -v g=$(( $(ticks "$gateway_pid") - g0 )) -v c=$(( $(ticks "$contacts_pid") - c0 )) \
      -v hz="$(getconf CLK_TCK)" '/requests in/ { n = $1 } END { if (n > 0)
      printf "CPU ms per 1,000 requests (closed loop): gateway %.0f, contacts-service %.0f\n", g * 1e6 / hz / n, c * 1e6 / hz / n }'
  }
  closed "$DIRECT" "X-ChatROI-Internal-Token: $TOKEN"
  closed "$VIA" "Authorization: Bearer $ADMIN"
else
  echo "(wrk not installed: apt-get install -y wrk for the closed-loop maximum)"
fi
