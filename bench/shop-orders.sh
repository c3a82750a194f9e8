#!/usr/bin/env bash
# Shop orders (issue 14): COUNT signed Shopify orders/paid deliveries (default 10,000) at RATE per second (default
# 600) into POST /webhooks/shopify, half of them from phones a contact has, then: how many were acknowledged, stored
# (none lost?), matched to a contact and turned into won deals by the outbox, and kept unmatched. Starts its own
# contacts-service and campaign-service from the built jars on ports BASE+1 and BASE+2 (CHATROI_BENCH_PORT_BASE,
# default 18160) against the databases contacts<suffix> and campaigns<suffix> (CHATROI_BENCH_DB_SUFFIX, default
# none: the dev databases), their management ports at BASE+11 and BASE+12, and stops exactly those at the end. It
# refuses to run when any of those ports is taken (a service left from an earlier run would answer with another
# run's secret: every delivery a 401), and checks with one signed no-op delivery that the service it started holds
# this run's SHOPIFY_WEBHOOK_SECRET before the load. CHATROI_BENCH_WARMUP=N (default 0) first sends N other orders
# (all with a contact, at most 50,000) at CHATROI_BENCH_WARMUP_RATE (default 300/s) and waits until the outbox has
# forwarded them, so the measured orders meet JIT-compiled services as a running deployment would; the figures then
# cover the measured orders only. It also prints CPU-seconds per 1,000 orders of each JVM and of PostgreSQL.
# Usage: bench/shop-orders.sh [COUNT (10000)] [RATE (600)]   (build first: ./mvnw -B -o -q -pl
#        contacts-service,campaign-service -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
RATE=${2:-600}
BASE=${CHATROI_BENCH_PORT_BASE:-18160}
SUFFIX=${CHATROI_BENCH_DB_SUFFIX:-}
CONTACTS_PORT=$((BASE + 1))
CAMPAIGN_PORT=$((BASE + 2))
# only dev/up's database password from its secrets, never its other values (this run makes its own secrets)
if [ -z "${PGPASSWORD:-}" ] && [ -f .dev/secrets.env ]; then PGPASSWORD=$(sed -n 's/^PGPASSWORD=//p' .dev/secrets.env); fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-chatroi} PGPASSWORD=${PGPASSWORD:-chatroi}
TOKEN=bench-internal-token-$RANDOM$RANDOM
SECRET=bench-shopify-secret-$RANDOM$RANDOM
RUN=$(( $(date +%s) % 100000 ))
PHONE_BASE=$(( 493010000000 + (RUN % 80) * 100000 ))
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}
LOGS=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]+"${pids[@]}"}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

for jar in contacts-service/target/quarkus-app/quarkus-run.jar campaign-service/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || { echo "$jar is missing: ./mvnw -B -o -q -pl contacts-service,campaign-service -am package -DskipTests" >&2; exit 1; }
done
for port in $CONTACTS_PORT $CAMPAIGN_PORT $((CONTACTS_PORT + 10)) $((CAMPAIGN_PORT + 10)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (a service from an earlier run?): stop it or set CHATROI_BENCH_PORT_BASE" >&2; exit 1
  fi
done
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$CONTACTS_PORT QUARKUS_MANAGEMENT_PORT=$((CONTACTS_PORT + 10)) CHATROI_INTERNAL_TOKEN=$TOKEN \
  CHATROI_CONTACTS_RETIER_CRON=off \
  CHATROI_DATABASE=contacts$SUFFIX \
  java $JAVA_OPTS -jar contacts-service/target/quarkus-app/quarkus-run.jar >"$LOGS/contacts.log" 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT=$CAMPAIGN_PORT QUARKUS_MANAGEMENT_PORT=$((CAMPAIGN_PORT + 10)) CHATROI_INTERNAL_TOKEN=$TOKEN \
  CHATROI_DATABASE=campaigns$SUFFIX \
  CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT SHOPIFY_WEBHOOK_SECRET=$SECRET WHATSAPP_APP_SECRET=bench-app-secret \
  CHATROI_DISPATCHER_ENABLED=false CHATROI_PUBLIC_URL=http://127.0.0.1:$CAMPAIGN_PORT \
  java $JAVA_OPTS -jar campaign-service/target/quarkus-app/quarkus-run.jar >"$LOGS/campaign.log" 2>&1 &
pids+=($!)
# a loaded 2-core machine takes minutes to start a service: wait up to CHATROI_BENCH_START_SECONDS (300), and stop
# at once when one has exited
wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 "${CHATROI_BENCH_START_SECONDS:-300}"); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "$name did not become ready on port $port; its log ($LOGS/$name.log) ends:" >&2
  tail -n 30 "$LOGS/$name.log" >&2
  exit 1
}
wait_ready contacts "$CONTACTS_PORT" "${pids[0]}"
wait_ready campaign "$CAMPAIGN_PORT" "${pids[1]}"
# one signed no-op delivery (an ignored topic, no webhook id: nothing stored) proves the route and the secret
probe=$(curl -sS -o "$LOGS/probe.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -H 'X-Shopify-Topic: bench/preflight' \
  -H "X-Shopify-Hmac-Sha256: $(printf '{}' | openssl dgst -sha256 -hmac "$SECRET" -binary | base64)" \
  --data-binary '{}' "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/shopify") || probe=000
if [ "$probe" != 200 ]; then
  echo "the signed preflight delivery answered $probe, not 200: $(cat "$LOGS/probe.json")" >&2
  echo "(404: the jar predates /webhooks/shopify, rebuild it; 401/503: the service lacks this run's secret)" >&2
  exit 1
fi

echo "== $((COUNT / 2)) contacts with the phones of the even orders (run $RUN)"
{
  echo "phone,name,owner"
  for ((i = 0; i < COUNT; i += 2)); do echo "+$((PHONE_BASE + i)),Bench buyer $i,bench"; done
} >"$LOGS/contacts.csv"
curl -fsS -H "X-ChatROI-Internal-Token: $TOKEN" -H "Content-Type: text/csv" --data-binary @"$LOGS/contacts.csv" \
  "http://127.0.0.1:$CONTACTS_PORT/api/v1/contacts/import" | head -c 200; echo

# CPU-seconds per 1,000 orders of each part, a figure other load on the machine does not distort the way a rate is:
# the two JVMs and the PostgreSQL backends serving their two databases, from utime + stime in /proc/<pid>/stat
# (a backend that appeared meanwhile counts from zero); the load generator reports its own.
TICK=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local pid db
  psql -d "campaigns$SUFFIX" -tA -F ' ' -c "SELECT pid, datname FROM pg_stat_activity
      WHERE datname IN ('campaigns$SUFFIX', 'contacts$SUFFIX') AND pid <> pg_backend_pid()" 2>/dev/null |
    while read -r pid db; do echo "$pid $(ticks "$pid") $db"; done
}
# pg_cpu BEFORE AFTER DATABASE: ticks the backends of DATABASE listed in AFTER used since BEFORE
pg_cpu() {
  awk -v db="$3" 'NR == FNR { before[$1] = $2; next } $3 == db { sum += $2 - before[$1] } END { print sum + 0 }' "$1" "$2"
}
cpu_line() {
  local label=$1 c0=$2 k0=$3 p0=$4 c1 k1
  c1=$(ticks "${pids[1]}") k1=$(ticks "${pids[0]}")
  pg_ticks >"$LOGS/pg-$label.txt"
  awk -v l="$label" -v n="$COUNT" -v t="$TICK" -v c=$((c1 - c0)) -v k=$((k1 - k0)) \
    -v pc="$(pg_cpu "$p0" "$LOGS/pg-$label.txt" "campaigns$SUFFIX")" -v pk="$(pg_cpu "$p0" "$LOGS/pg-$label.txt" "contacts$SUFFIX")" \
    'BEGIN { f = 1000 / n / t; printf "CPU-seconds per 1,000 orders, %s: campaign-service %.2f, contacts-service %.2f, PostgreSQL backends %.2f (campaigns %.2f, contacts %.2f), together %.2f\n", l, c * f, k * f, (pc + pk) * f, pc * f, pk * f, (c + k + pc + pk) * f }'
}

WARMUP=${CHATROI_BENCH_WARMUP:-0}
if [ "$WARMUP" -gt 0 ]; then
  # indexes from 500,000 (no measured order has them), phones from PHONE_BASE + 50,000, every one with a contact
  echo "== warm-up: $WARMUP orders with a contact each at ${CHATROI_BENCH_WARMUP_RATE:-300}/s (not measured)"
  { echo "phone,name,owner"; for ((i = 0; i < WARMUP; i++)); do echo "+$((PHONE_BASE + 50000 + i)),Warm-up buyer $i,bench"; done; } \
    >"$LOGS/warmup.csv"
  curl -fsS -H "X-ChatROI-Internal-Token: $TOKEN" -H "Content-Type: text/csv" --data-binary @"$LOGS/warmup.csv" \
    "http://127.0.0.1:$CONTACTS_PORT/api/v1/contacts/import" >/dev/null
  java bench/orders/ShopifyLoad.java "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/shopify" "$SECRET" "$RUN" "$WARMUP" \
    "${CHATROI_BENCH_WARMUP_RATE:-300}" "$((PHONE_BASE + 50000))" 64 500000 | sed 's/^/  warm-up: /'
  for _ in $(seq 1 120); do
    left=$(psql -d "campaigns$SUFFIX" -tAc "SELECT count(*) FROM orders WHERE source = 'shopify'
      AND external_id::bigint >= $((RUN * 1000000 + 500000)) AND external_id::bigint < $(((RUN + 1) * 1000000))
      AND synced_version < version") || left="? (psql failed: the server's connections may be taken)"
    [ "$left" = 0 ] && break
    sleep 1
  done
  echo "  warm-up orders not yet forwarded: $left"
fi

echo "== load: $COUNT orders at $RATE/s into http://127.0.0.1:$CAMPAIGN_PORT/webhooks/shopify (load average $(cut -d' ' -f1-3 /proc/loadavg))"
campaign_ticks0=$(ticks "${pids[1]}")
contacts_ticks0=$(ticks "${pids[0]}")
pg_ticks >"$LOGS/pg-before.txt"
cpu_before=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
java bench/orders/ShopifyLoad.java "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/shopify" "$SECRET" "$RUN" "$COUNT" "$RATE" \
  "$PHONE_BASE" 64 | tee "$LOGS/load.txt"
cpu_after=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
read -r busy0 idle0 <<<"$cpu_before"
read -r busy1 idle1 <<<"$cpu_after"
echo "machine CPU busy during the load: $(( 100 * (busy1 - busy0) / (busy1 - busy0 + idle1 - idle0 + 1) ))% of 2 cores"
cpu_line "during the load" "$campaign_ticks0" "$contacts_ticks0" "$LOGS/pg-before.txt"

FIRST=$((RUN * 1000000))
LAST=$((RUN * 1000000 + COUNT - 1))
ORDERS="source = 'shopify' AND external_id::bigint BETWEEN $FIRST AND $LAST"
echo "== waiting (at most 120 s) until the outbox has offered every order to contacts-service once"
for _ in $(seq 1 120); do
  left=$(psql -d "campaigns$SUFFIX" -tAc "SELECT count(*) FROM orders WHERE $ORDERS AND synced_version < version AND contact_id IS NULL AND retry_at <= now()") || left=unknown
  [ "$left" = 0 ] && break
  sleep 1
done
cpu_line "load and outbox together" "$campaign_ticks0" "$contacts_ticks0" "$LOGS/pg-before.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
acked=$(awk '/orders acked/{print $3}' "$LOGS/load.txt")
psql -d "campaigns$SUFFIX" -tAc "SELECT count(*), count(contact_id), count(*) FILTER (WHERE contact_id IS NULL),
  count(*) FILTER (WHERE credit = 'none') FROM orders WHERE $ORDERS" | {
  IFS='|' read -r stored matched unmatched none
  echo "stored $stored orders for $acked acknowledged (lost: $((acked - stored))); matched $matched, kept unmatched $unmatched; credited to no campaign $none (no campaign ran here)"
}
deals=$(psql -d "contacts$SUFFIX" -tAc "SELECT count(*) FROM deals WHERE stage = 'won' AND origin LIKE 'shopify:%'
  AND substring(origin FROM 9)::bigint BETWEEN $FIRST AND $LAST")
echo "won deals in contacts-service: $deals"
