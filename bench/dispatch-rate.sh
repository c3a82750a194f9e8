#!/usr/bin/env bash
# Dispatcher throughput (issue 3): campaign-service restarted against a local fake Graph API at a configured rate
# (default 1,000 messages/s), a campaign launched to ~140,000 contacts, then the sent count and the machine's CPU
# measured over a window. Each send asks contacts-service for eligibility, calls the provider and records the result.
# Usage: bench/dispatch-rate.sh [RATE (1000)] [SECONDS (60)]. Needs dev/up running (and bench/seed-million.sh data).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-1000}
WINDOW=${2:-60}
set -a
# shellcheck source=/dev/null
source .dev/secrets.env
set +a
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=chatroi}"
export PGHOST PGPORT PGUSER PGPASSWORD
C=http://127.0.0.1:8082

java -Dsun.net.httpserver.nodelay=true bench/dispatch/FakeGraph.java 19090 >/tmp/chatroi-fake-graph.log 2>&1 &
GRAPH=$!
pid=$(cat .dev/pids/campaign-service.pid)
kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
# shellcheck source=dev/lib/java.sh
source dev/lib/java.sh
chatroi_java_args campaign-service/target/quarkus-app/quarkus-run.jar
CAMPAIGN_PROVIDER=whatsapp-cloud WHATSAPP_GRAPH_URL=http://127.0.0.1:19090 WHATSAPP_PHONE_NUMBER_ID=BENCH \
  WHATSAPP_ACCESS_TOKEN=bench CHATROI_DISPATCH_RATE=$RATE CHATROI_DISPATCHER_CONCURRENCY=64 \
  QUARKUS_LOG_CATEGORY__IO_CHATROI__LEVEL=${BENCH_LOG_LEVEL:-INFO} java "${CHATROI_JAVA_ARGS[@]}" -jar campaign-service/target/quarkus-app/quarkus-run.jar >/tmp/chatroi-dispatch-bench.log 2>&1 &
BENCH=$!
cleanup() {
  kill "$BENCH" "$GRAPH" 2>/dev/null || true
  wait "$BENCH" 2>/dev/null || true
  dev/up --no-build >/dev/null 2>&1 || echo "restart campaign-service with dev/up" >&2
}
trap cleanup EXIT
until curl -fsS -o /dev/null "$C/q/health/ready" 2>/dev/null; do sleep 0.5; done

name="dispatch_$(date +%s)"
template=$(curl -fsS -X POST "$C/api/v1/templates" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\",\"language\":\"en_US\",\"category\":\"utility\",\"body\":\"Your order has shipped.\"}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
campaign=$(curl -fsS -X POST "$C/api/v1/campaigns" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\",\"audience\":{\"filter\":{\"sources\":[\"trade_show\"]}},\"variants\":[{\"key\":\"A\",\"templateId\":\"$template\",\"weight\":1}],\"rules\":{\"respectQuietHours\":false}}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -fsS -X POST "$C/api/v1/campaigns/$campaign/launch" >/dev/null
until curl -fsS "$C/api/v1/campaigns/$campaign" | grep -q '"audienceResolved":true'; do sleep 1; done
sleep 10
sent() { psql -d campaigns -tAc "SELECT count(*) FROM sends WHERE campaign_id = '$campaign' AND status <> 'queued'"; }
cpu() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat; }
s0=$(sent); read -r b0 i0 <<<"$(cpu)"; t0=$(date +%s.%N)
sleep "$WINDOW"
s1=$(sent); read -r b1 i1 <<<"$(cpu)"; t1=$(date +%s.%N)
echo "configured rate: $RATE messages/s"
echo "dispatched (sent, skipped, deferred or failed) in ${WINDOW}s: $((s1 - s0)) = $(echo "($s1 - $s0) / ($t1 - $t0)" | bc) per second"
psql -d campaigns -tAc "SELECT status, count(*) FROM sends WHERE campaign_id = '$campaign' GROUP BY 1 ORDER BY 1"
echo "machine CPU busy: $(( 100 * (b1 - b0) / (b1 - b0 + i1 - i0) ))% of 2 cores (PostgreSQL, contacts-service, campaign-service, fake Graph API)"
curl -fsS -X POST "$C/api/v1/campaigns/$campaign/cancel" >/dev/null && echo "campaign cancelled"
