#!/usr/bin/env bash
# Webhook ingestion benchmark (issue 3): Meta-shaped, signed deliveries of 1-50 statuses at a fixed status rate
# against campaign-service, then a count of the stored receipts (zero lost?), then PostgreSQL's own ceiling for the
# same writes with pgbench, and ours as a ratio of it.
# Usage: bench/webhook-ingest.sh [STATUSES_PER_SECOND (5000)] [SECONDS (60)]. Needs dev/up running, or a
# campaign-service of your own: CHATROI_CAMPAIGN_URL, WHATSAPP_APP_SECRET and BENCH_CAMPAIGNS_DB (its database).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-5000}
SECONDS_TO_RUN=${2:-60}
URL=${CHATROI_CAMPAIGN_URL:-http://127.0.0.1:8082}/webhooks/whatsapp
if [ -z "${WHATSAPP_APP_SECRET:-}" ]; then
  set -a
  # shellcheck source=/dev/null
  source .dev/secrets.env
  set +a
fi
DB=${BENCH_CAMPAIGNS_DB:-campaigns}
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=chatroi}"
export PGHOST PGPORT PGUSER PGPASSWORD
RUN=$(date +%s)

# Each run leaves ~2 dead row versions per status behind (message states are inserted, then folded). With
# autovacuum off (as on some of the team's machines: check below) they pile up run after run and the fold's
# index scans slow down tenfold, so the tables this benchmark writes are vacuumed first.
echo "== PostgreSQL autovacuum: $(psql -d "$DB" -tAc 'SHOW autovacuum'); vacuuming the tables the webhook writes"
for table in receipts message_states webhook_deliveries sends; do psql -d "$DB" -qc "VACUUM ANALYZE $table"; done

echo "== load: $RATE statuses/s for ${SECONDS_TO_RUN}s against $URL (run $RUN)"
cpu_before=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
java bench/webhook/WebhookLoad.java "$URL" "$WHATSAPP_APP_SECRET" "$RUN" "$RATE" "$SECONDS_TO_RUN" 64 | tee /tmp/chatroi-webhook-load.txt
cpu_after=$(awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat)
read -r busy0 idle0 <<<"$cpu_before"
read -r busy1 idle1 <<<"$cpu_after"
echo "machine CPU busy during the run: $(( 100 * (busy1 - busy0) / (busy1 - busy0 + idle1 - idle0) ))% of 2 cores (load generator and PostgreSQL included)"

acked=$(awk '/statuses acked/{print $3}' /tmp/chatroi-webhook-load.txt)
stored=$(psql -d "$DB" -tAc "SELECT count(*) FROM receipts WHERE message_id LIKE 'wamid.bench-$RUN-%'")
folded=$(psql -d "$DB" -tAc "SELECT count(*) FROM message_states WHERE message_id LIKE 'wamid.bench-$RUN-%'")
echo "== stored: $stored receipts and $folded message states for $acked acknowledged statuses; lost: $((acked - stored))"

echo "== PostgreSQL ceiling for the same writes (pgbench, 8 clients, 30 s, 25 statuses per transaction)"
pgbench -n -c 8 -j 2 -T 30 -f bench/webhook/receipts.pgbench "$DB" 2>/dev/null | tee /tmp/chatroi-webhook-pgbench.txt | grep -E "^tps|latency average"
tps=$(awk '/^tps/{print int($3)}' /tmp/chatroi-webhook-pgbench.txt)
ours=$(awk '/statuses acked/{gsub(/[()\/s]/,"",$4); print int($4)}' /tmp/chatroi-webhook-load.txt)
echo "PostgreSQL ceiling: $((tps * 25)) statuses/s; ours sustained $ours statuses/s (the offered rate; raise it to find our own ceiling) = $((100 * ours / (tps * 25)))% of it"
psql -d "$DB" -qc "DELETE FROM receipts WHERE message_id LIKE 'wamid.pgb-%'; DELETE FROM message_states WHERE message_id LIKE 'wamid.pgb-%';"
