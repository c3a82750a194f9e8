#!/usr/bin/env bash
# Tracing cost as CPU per request (issue 15), a measure that holds on a loaded machine: several gateway +
# contacts-service pairs run side by side, one per variant (tracing off, every trace exported, head sampling at a
# ratio, or another gateway build), and the same load (wrk, CONNECTIONS connections each sending GET
# /api/v1/tags?limit=5 through the gateway and pausing BENCH_PACE_MS, 20 by default, between requests:
# bench/gateway/paced.lua, about CONNECTIONS x 50 requests/s) goes to each variant in turn, ROUNDS times, so a burst
# of load from elsewhere hits all variants alike. CPU per request depends on the rate (at a higher rate the event
# loops handle more per wake-up), so compare variants at the same pace; BENCH_PACE_MS=0 is a closed loop. Each run prints the CPU ms per 1,000 answered requests of that variant's gateway
# and contacts-service (utime + stime from /proc/<pid>/stat); the totals at the end are summed over the rounds.
# Each traced variant sends its spans over OTLP/HTTP to its own bench/otlp/OtlpSink.java, which prints the requests
# and bytes it received when it stops (so the sampled share shows).
# Usage: bench/tracing-cpu.sh [CONNECTIONS (10)] [SECONDS per run (20)] [ROUNDS (3)] [VARIANT...]
#   VARIANT is NAME:MODE[:GATEWAY_JAR[:CONTACTS_JAR]] with MODE off (OpenTelemetry SDK disabled), full (sampler ratio 1.0: every
#   trace) or a ratio such as 0.1 (parent-based trace-id ratio: the gateway, as the root, keeps that share of
#   traces and contacts-service follows the traceparent's sampled flag); GATEWAY_JAR is another gateway build to
#   compare (a copy of an earlier gateway/target/quarkus-app/quarkus-run.jar), CONTACTS_JAR the same for
#   contacts-service (an empty GATEWAY_JAR keeps this build's gateway: name:0.1::/tmp/old/quarkus-run.jar). Default: off:off full:full ratio-0.1:0.1
# Environment: BENCH_PORT_BASE (18200: variant i uses BASE+20i for its gateway, +1 contacts, +10/+11 management,
#   +9 its OTLP sink), BENCH_DB_SUFFIX (databases contacts<suffix> and gateway<suffix>), BENCH_JFR=1 (a JFR
#   profile of each gateway and contacts-service, written to the logs directory as gateway-NAME.jfr and
#   contacts-NAME.jfr), BENCH_WARMUP_SECONDS (15: the unmeasured load each variant gets first, for the JIT; a
#   loaded machine needs more), CHATROI_JAVA_OPTS.
# Needs wrk (apt-get install -y wrk). Build first: ./mvnw -B -o -q -pl contacts-service,gateway package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-10}
SECONDS_TO_RUN=${2:-20}
ROUNDS=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(off:off full:full ratio-0.1:0.1)
BASE=${BENCH_PORT_BASE:-18200}
SUFFIX=${BENCH_DB_SUFFIX:-}
if [ -f .dev/secrets.env ]; then set -a; source .dev/secrets.env; set +a; fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
TOKEN=bench-internal-token-$RANDOM$RANDOM
ADMIN=bench-admin-key-$RANDOM$RANDOM
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
# Flyway's first connection at start-up: 5 s by default, which a loaded machine's SCRAM handshake has exceeded
export QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=${QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT:-120S}
LOGS=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  for log in "$LOGS"/otlp-*.log; do [ -f "$log" ] && echo "$(basename "$log" .log): $(cat "$log")"; done
}
trap cleanup EXIT
for jar in contacts-service/target/quarkus-app/quarkus-run.jar gateway/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -o -q -pl contacts-service,gateway package -DskipTests" >&2; exit 1; }
done
echo "== logs in $LOGS; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

names=() gateway_pids=() contacts_pids=() urls=()
for i in "${!VARIANTS[@]}"; do
  IFS=: read -r name mode gateway_jar contacts_jar <<<"${VARIANTS[$i]}"
  port=$((BASE + 20 * i))
  case $mode in
    off) otel=(QUARKUS_OTEL_SDK_DISABLED=true) ;;
    full) otel=(OTEL_TRACES_SAMPLER_ARG=1.0) ;;
    *) otel=(OTEL_TRACES_SAMPLER_ARG="$mode") ;;
  esac
  if [ "$mode" != off ]; then
    java bench/otlp/OtlpSink.java $((port + 9)) >"$LOGS/otlp-$name.log" 2>&1 &
    pids+=($!)
    otel+=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$((port + 9)) OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
  fi
  jfr=() contacts_jfr=()
  if [ "${BENCH_JFR:-}" = 1 ]; then
    jfr=("-XX:StartFlightRecording=settings=profile,filename=$LOGS/gateway-$name.jfr")
    contacts_jfr=("-XX:StartFlightRecording=settings=profile,filename=$LOGS/contacts-$name.jfr")
  fi
  # shellcheck disable=SC2086
  env "${otel[@]}" QUARKUS_HTTP_PORT=$((port + 1)) QUARKUS_MANAGEMENT_PORT=$((port + 11)) \
    CHATROI_DATABASE=contacts$SUFFIX CHATROI_INTERNAL_TOKEN=$TOKEN CHATROI_CONTACTS_RETIER_CRON=off \
    java $JAVA_OPTS "${contacts_jfr[@]+"${contacts_jfr[@]}"}" \
    -jar "${contacts_jar:-contacts-service/target/quarkus-app/quarkus-run.jar}" >"$LOGS/contacts-$name.log" 2>&1 &
  pids+=($!) contacts_pids+=($!)
  # shellcheck disable=SC2086
  env "${otel[@]}" QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 10)) \
    CHATROI_DATABASE=gateway$SUFFIX CHATROI_INTERNAL_TOKEN=$TOKEN CHATROI_ADMIN_KEY=$ADMIN \
    CONTACTS_URL=http://127.0.0.1:$((port + 1)) CHATROI_RATE_LIMIT_PER_SECOND=0 \
    java $JAVA_OPTS "${jfr[@]+"${jfr[@]}"}" -jar "${gateway_jar:-gateway/target/quarkus-app/quarkus-run.jar}" \
    >"$LOGS/gateway-$name.log" 2>&1 &
  pids+=($!) gateway_pids+=($!)
  names+=("$name") urls+=("http://127.0.0.1:$port/api/v1/tags?limit=5")
  echo "== $name: ${otel[*]} gateway ${gateway_jar:-(this build)} contacts ${contacts_jar:-(this build)} on port $port"
  # one pair at a time: eight JVMs starting at once on a loaded machine time out on their first connection
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null \
      && curl -fsS -o /dev/null "http://127.0.0.1:$((port + 1))/q/health/ready" 2>/dev/null && break
    sleep 1
  done
  echo "$name: HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "${urls[$i]}")"
done
export WRK_PAUSE_MS=${BENCH_PACE_MS:-20}
load() { wrk -t1 -c"$CONNECTIONS" -d"$2"s --latency -s bench/gateway/paced.lua -H "Authorization: Bearer $ADMIN" "$1"; }
WARMUP=${BENCH_WARMUP_SECONDS:-15}
echo "== warm-up (JIT): $WARMUP s of each, $CONNECTIONS connections"
for i in "${!names[@]}"; do load "${urls[$i]}" "$WARMUP" >/dev/null; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# the same split by thread: "EVENT_LOOPS JIT VM" ticks (Vert.x event loops, the C1/C2 compiler threads, the VM
# thread, which runs the serial collector): the JIT's share is warm-up, not a request's cost, and moves a loaded
# machine's figures most
threads() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr ' ' _ <"$task/comm" 2>/dev/null)" "$(sed 's/.*) //' "$task/stat" 2>/dev/null)"
  done | awk '{ t = $13 + $14 }
    $1 ~ /^vert\.x-eventloo/ { l += t } $1 ~ /CompilerThre/ { j += t } $1 == "VM_Thread" { v += t }
    END { print l + 0, j + 0, v + 0 }'
}
declare -A gateway_ticks contacts_ticks answered_total split_ticks
for name in "${names[@]}"; do gateway_ticks[$name]=0 contacts_ticks[$name]=0 answered_total[$name]=0 split_ticks[$name]="0 0 0 0 0 0"; done
# adds two "a b c ..." lists element by element (the second may be negated with sign -1)
addv() { awk -v a="$1" -v b="$2" -v s="${3:-1}" 'BEGIN { n = split(a, x); split(b, y); for (i = 1; i <= n; i++) printf "%d ", x[i] + s * y[i] }'; }
splitline() { # "gl gj gv cl cj cv" ticks and the answered count: per 1,000 requests
  awk -v v="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(v, t); f = (n > 0 ? 1e6 / hz / n : 0)
    printf "event loops %4.0f / %4.0f  JIT %4.0f / %4.0f  GC (VM thread) %3.0f / %3.0f", t[1]*f, t[4]*f, t[2]*f, t[5]*f, t[3]*f, t[6]*f }'
}
per1000() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }'; }
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!names[@]}"; do
    name=${names[$i]}
    g0=$(ticks "${gateway_pids[$i]}"); c0=$(ticks "${contacts_pids[$i]}")
    s0="$(threads "${gateway_pids[$i]}") $(threads "${contacts_pids[$i]}")"
    load "${urls[$i]}" "$SECONDS_TO_RUN" >"$LOGS/run-$name-$round.txt"
    g=$(( $(ticks "${gateway_pids[$i]}") - g0 )); c=$(( $(ticks "${contacts_pids[$i]}") - c0 ))
    sd=$(addv "$(threads "${gateway_pids[$i]}") $(threads "${contacts_pids[$i]}")" "$s0" -1)
    split_ticks[$name]=$(addv "${split_ticks[$name]}" "$sd")
    # answered: requests minus non-2xx answers
    n=$(awk '/requests in/{n=$1} /Non-2xx/{bad=$NF} END{print n - bad}' "$LOGS/run-$name-$round.txt")
    gateway_ticks[$name]=$(( ${gateway_ticks[$name]} + g )); contacts_ticks[$name]=$(( ${contacts_ticks[$name]} + c ))
    answered_total[$name]=$(( ${answered_total[$name]} + n ))
    printf 'round %d %-12s answered %6d  CPU ms per 1,000: gateway %4s  contacts %4s  (%s; load %s)\n' "$round" "$name" \
      "$n" "$(per1000 "$g" "$n")" "$(per1000 "$c" "$n")" "p50 $(awk '$1 == "50%"{print $2}' "$LOGS/run-$name-$round.txt")" \
      "$(cut -d' ' -f1 /proc/loadavg)"
    printf '        %-12s of which (gateway / contacts): %s\n' "$name" "$(splitline "$sd" "$n")"
  done
done
echo "== totals over $ROUNDS rounds of ${SECONDS_TO_RUN}s, $CONNECTIONS connections"
for name in "${names[@]}"; do
  printf '%-12s answered %7d  CPU ms per 1,000: gateway %4s  contacts %4s\n' "$name" "${answered_total[$name]}" \
    "$(per1000 "${gateway_ticks[$name]}" "${answered_total[$name]}")" \
    "$(per1000 "${contacts_ticks[$name]}" "${answered_total[$name]}")"
  printf '             of which (gateway / contacts): %s\n' "$(splitline "${split_ticks[$name]}" "${answered_total[$name]}")"
done
