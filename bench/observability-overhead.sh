#!/usr/bin/env bash
# Metrics and tracing overhead (issue 15): the webhook and gateway benchmarks, each run twice on the same machine
# minutes apart: once with the OpenTelemetry SDK disabled, once with every span exported over OTLP/HTTP to a local
# sink (bench/otlp/OtlpSink.java). Metrics are on in both (Micrometer cannot be switched off at runtime); their cost
# shows against the figures recorded before issue 15 in bench/RESULTS.md. Starts its own campaign-service (and, via
# bench/gateway-overhead.sh, contacts-service and gateway) and stops exactly those.
# Usage: bench/observability-overhead.sh [WEBHOOK_RATE (5000)] [GATEWAY_RATE (1000)] [SECONDS (30)]
# Environment: BENCH_PORT_BASE (18170), BENCH_DB_SUFFIX (databases contacts<suffix>, campaigns<suffix>, gateway<suffix>).
set -euo pipefail
cd "$(dirname "$0")/.."
WEBHOOK_RATE=${1:-5000}
GATEWAY_RATE=${2:-1000}
SECONDS_TO_RUN=${3:-30}
BASE=${BENCH_PORT_BASE:-18170}
SUFFIX=${BENCH_DB_SUFFIX:-}
CAMPAIGN_PORT=$((BASE + 2))
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
export WHATSAPP_APP_SECRET=bench-app-secret-$RANDOM$RANDOM
LOGS=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap cleanup EXIT
jar=campaign-service/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -o -q -pl campaign-service,contacts-service,gateway package -DskipTests" >&2; exit 1; }

webhook() {
  local mode=$1 otel=()
  if [ "$mode" = off ]; then
    otel=(QUARKUS_OTEL_SDK_DISABLED=true)
  else
    java bench/otlp/OtlpSink.java $((BASE + 9)) >"$LOGS/otlp-$mode.log" 2>&1 &
    pids+=($!)
    otel=(OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$((BASE + 9)) OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
  fi
  # shellcheck disable=SC2086
  env "${otel[@]}" QUARKUS_HTTP_PORT=$CAMPAIGN_PORT QUARKUS_MANAGEMENT_PORT=$((CAMPAIGN_PORT + 10)) \
    CHATROI_DATABASE=campaigns$SUFFIX CHATROI_DISPATCHER_ENABLED=false CHATROI_INTERNAL_TOKEN=bench \
    CONTACTS_URL=http://127.0.0.1:9 java $JAVA_OPTS -jar "$jar" >"$LOGS/campaign-$mode.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$CAMPAIGN_PORT/q/health/ready" 2>/dev/null && break
    sleep 1
  done
  echo "== webhook, tracing $mode: warm-up 10 s, then $WEBHOOK_RATE statuses/s for ${SECONDS_TO_RUN}s"
  java bench/webhook/WebhookLoad.java "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/whatsapp" "$WHATSAPP_APP_SECRET" \
    "warm$RANDOM" "$WEBHOOK_RATE" 10 64 >/dev/null
  CHATROI_CAMPAIGN_URL=http://127.0.0.1:$CAMPAIGN_PORT BENCH_CAMPAIGNS_DB=campaigns$SUFFIX \
    bench/webhook-ingest.sh "$WEBHOOK_RATE" "$SECONDS_TO_RUN" | grep -E "latency|acked|lost|CPU|ceiling" || true
  curl -s "http://127.0.0.1:$((CAMPAIGN_PORT + 10))/q/metrics" | grep -E '^chatroi_webhook_deliveries_total' || true
  cleanup
  cat "$LOGS"/otlp-*.log 2>/dev/null || true
}

webhook off
webhook export
for mode in off export; do
  echo "== gateway, tracing $mode"
  BENCH_PORT_BASE=$BASE BENCH_DB_SUFFIX=$SUFFIX BENCH_TRACING=$mode bench/gateway-overhead.sh "$GATEWAY_RATE" "$SECONDS_TO_RUN" \
    | grep -E "^== at|latency|answered|CPU| 50%|Requests/sec"
done
