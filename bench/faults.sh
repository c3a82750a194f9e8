#!/usr/bin/env bash
# Faults (issue 11): signed webhook load at 2,000 statuses/s (retried like Meta when not answered 200) and a sending
# campaign against a local Graph API stand-in (which reports each message back as a signed "sent" status), then one
# fault per phase:
#   kill9     kill -9 campaign-service mid-load and mid-dispatch, start it again at once;
#   postgres  stop PostgreSQL (immediate mode, like a crash) mid-load for FAULTS_PG_DOWN seconds, start it again;
#   contacts  stop contacts-service for 30 s during a dispatch, and launch a second campaign while it is down.
# After each: every status answered 200 is stored exactly once, no message reached the stand-in twice, the
# campaigns finish, every service is ready again by itself, and how long each took. Last, a memory phase sends the
# probe's largest inputs to contacts-service, then the gateway (large and deep bodies, a 60 MB import and the whole
# export through it) and metrics-service (a synced recompute of the run's data, the largest report reads, large and
# deep bodies), and each of the four services' peak RSS (VmHWM) is printed beside its k8s memory limit from k8s/base.
#
# Everything it uses it starts, and stops exactly that at the end: a private PostgreSQL 15 cluster (initdb into a
# temporary directory, port CHATROI_FAULTS_PG_PORT, default 5499; never the shared server on 5432), contacts-service
# and campaign-service from the packaged jars on BASE+1 and BASE+2 (management BASE+11, BASE+12; BASE is
# CHATROI_FAULTS_PORT_BASE, default 18400) against contacts_faults and campaigns_faults, the stand-in on BASE+3, the
# gateway on BASE+4 and metrics-service on BASE+5 (management BASE+14, BASE+15) against gateway_faults and
# metrics_faults (metrics-service's periodic sync and nightly recompute off: the memory phase asks for one).
#
#   bench/faults.sh [LOAD_SECONDS (60)] [CONTACTS (2400)]
#   build first: ./mvnw -B -o -q package -DskipTests -pl contacts-service,campaign-service,gateway,metrics-service -am
#
# Environment: FAULTS_ONLY (kill9,postgres,contacts,memory), FAULTS_STATUS_RATE (2000), FAULTS_DISPATCH_RATE (80),
# FAULTS_CLAIM_FOR (20s) and FAULTS_UNKNOWN_OUTCOME_AFTER (60s) (the dispatcher's claim and in-doubt wait, shortened
# from 60s and 10m so a phase ends in minutes), FAULTS_PG_DOWN (5), CHATROI_JAVA_OPTS (default: what the k8s
# manifests give a pod with a 512Mi limit, README.md's Kubernetes section), FAULTS_PG_BIN (/usr/lib/postgresql/15/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${1:-60}
CONTACTS=${2:-2400}
ONLY=${FAULTS_ONLY:-kill9,postgres,contacts,memory}
STATUS_RATE=${FAULTS_STATUS_RATE:-2000}
BASE=${CHATROI_FAULTS_PORT_BASE:-18400}
PG_PORT=${CHATROI_FAULTS_PG_PORT:-5499}
PG_BIN=${FAULTS_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DOWN=${FAULTS_PG_DOWN:-5}
CONTACTS_PORT=$((BASE + 1)) CAMPAIGN_PORT=$((BASE + 2)) GRAPH_PORT=$((BASE + 3))
GATEWAY_PORT=$((BASE + 4)) METRICS_PORT=$((BASE + 5))
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# Flyway's first JDBC connection at start may wait long on a loaded machine (the default gives up after 5 s)
export QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=${QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT:-60S}
RUN=$(( $(date +%s) % 100000 ))
PW=faults-$RANDOM$RANDOM TOKEN=faults-token-$RANDOM$RANDOM SECRET=faults-secret-$RANDOM$RANDOM
ADMIN=faults-admin-$RANDOM$RANDOM$RANDOM$RANDOM
WORK=$(mktemp -d /tmp/chatroi-faults.XXXXXX)
chmod 755 "$WORK"
declare -A PID=()

for jar in contacts-service campaign-service gateway metrics-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || { echo "$jar's jar is missing: ./mvnw -B -o -q package -DskipTests -pl contacts-service,campaign-service,gateway,metrics-service -am" >&2; exit 1; }
done
for port in $CONTACTS_PORT $CAMPAIGN_PORT $GRAPH_PORT $GATEWAY_PORT $METRICS_PORT $((BASE + 11)) $((BASE + 12)) \
  $((BASE + 14)) $((BASE + 15)) $PG_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use; set CHATROI_FAULTS_PORT_BASE / CHATROI_FAULTS_PG_PORT" >&2; exit 1; fi
done

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/postgres.log" -w "$@" >/dev/null; }
q() { PGPASSWORD=$PW "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U chatroi -d "$1" -v ON_ERROR_STOP=1 -qtA "${@:2}"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="${2:-$(now)}" 'BEGIN { printf "%.1f", b - a }'; }
alive() { [ -n "${PID[$1]:-}" ] && [ -r "/proc/${PID[$1]}/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/${PID[$1]}/status"; }
stop() { # stop NAME [SIGNAL]: signals exactly the process started under NAME and waits for it
  if alive "$1"; then kill "-${2:-TERM}" "${PID[$1]}" 2>/dev/null || true; fi
  if [ -n "${PID[$1]:-}" ]; then wait "${PID[$1]}" 2>/dev/null || true; fi
  PID[$1]=
}
cleanup() {
  for name in load hwm gateway metrics campaign contacts graph; do stop "$name"; done
  [ -f "$WORK/pg/postmaster.pid" ] && pg stop -m fast || true
  rm -rf "$WORK/pg" "$WORK"/*.csv "$WORK"/*.json
  echo "logs: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_contacts() {
  QUARKUS_HTTP_PORT=$CONTACTS_PORT QUARKUS_MANAGEMENT_PORT=$((BASE + 11)) CHATROI_INTERNAL_TOKEN=$TOKEN \
    CHATROI_CONTACTS_RETIER_CRON=off CHATROI_DATABASE=contacts_faults \
    PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=chatroi PGPASSWORD=$PW \
    java $JAVA_OPTS -jar contacts-service/target/quarkus-app/quarkus-run.jar >>"$WORK/contacts.log" 2>&1 &
  PID[contacts]=$!
  echo "${PID[contacts]}" >"$WORK/contacts.pid"
}
start_campaign() {
  QUARKUS_HTTP_PORT=$CAMPAIGN_PORT QUARKUS_MANAGEMENT_PORT=$((BASE + 12)) CHATROI_INTERNAL_TOKEN=$TOKEN \
    CHATROI_DATABASE=campaigns_faults CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT \
    PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=chatroi PGPASSWORD=$PW \
    CAMPAIGN_PROVIDER=whatsapp-cloud WHATSAPP_GRAPH_URL=http://127.0.0.1:$GRAPH_PORT WHATSAPP_PHONE_NUMBER_ID=FAULTS \
    WHATSAPP_ACCESS_TOKEN=faults WHATSAPP_APP_SECRET=$SECRET WHATSAPP_VERIFY_TOKEN=faults \
    CHATROI_DISPATCH_RATE=${FAULTS_DISPATCH_RATE:-80} CHATROI_DISPATCHER_CLAIM_FOR=${FAULTS_CLAIM_FOR:-20s} \
    CHATROI_DISPATCHER_UNKNOWN_OUTCOME_AFTER=${FAULTS_UNKNOWN_OUTCOME_AFTER:-60s} \
    CHATROI_PUBLIC_URL=http://127.0.0.1:$CAMPAIGN_PORT \
    java $JAVA_OPTS -jar campaign-service/target/quarkus-app/quarkus-run.jar >>"$WORK/campaign.log" 2>&1 &
  PID[campaign]=$!
  echo "${PID[campaign]}" >"$WORK/campaign.pid"
}
start_gateway() {
  QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_MANAGEMENT_PORT=$((BASE + 14)) CHATROI_INTERNAL_TOKEN=$TOKEN \
    CHATROI_DATABASE=gateway_faults CHATROI_ADMIN_KEY=$ADMIN CHATROI_RATE_LIMIT_PER_SECOND=0 \
    CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT CAMPAIGN_URL=http://127.0.0.1:$CAMPAIGN_PORT \
    METRICS_URL=http://127.0.0.1:$METRICS_PORT PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=chatroi PGPASSWORD=$PW \
    java $JAVA_OPTS -jar gateway/target/quarkus-app/quarkus-run.jar >>"$WORK/gateway.log" 2>&1 &
  PID[gateway]=$!
  echo "${PID[gateway]}" >"$WORK/gateway.pid"
}
start_metrics() {
  QUARKUS_HTTP_PORT=$METRICS_PORT QUARKUS_MANAGEMENT_PORT=$((BASE + 15)) CHATROI_INTERNAL_TOKEN=$TOKEN \
    CHATROI_DATABASE=metrics_faults CHATROI_METRICS_SYNC_EVERY=off CHATROI_METRICS_RECOMPUTE_CRON=off \
    CONTACTS_URL=http://127.0.0.1:$CONTACTS_PORT CAMPAIGN_URL=http://127.0.0.1:$CAMPAIGN_PORT \
    PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=chatroi PGPASSWORD=$PW \
    java $JAVA_OPTS -jar metrics-service/target/quarkus-app/quarkus-run.jar >>"$WORK/metrics.log" 2>&1 &
  PID[metrics]=$!
  echo "${PID[metrics]}" >"$WORK/metrics.pid"
}
# ready PORT [TIMEOUT]: waits for /q/health/ready; prints the moment it answered 200
ready() {
  local deadline=$((SECONDS + ${2:-180}))
  until curl -fsS -o /dev/null -m 2 "http://127.0.0.1:$1/q/health/ready" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || { echo never; return 0; }
    sleep 0.2
  done
  now
}
# resumed SINCE: the moment the stand-in got a message after SINCE's line count, or never (within 120 s)
resumed() {
  local deadline=$((SECONDS + 120))
  until [ "$(wc -l <"$WORK/calls.txt")" -gt "$1" ]; do
    [ "$SECONDS" -lt "$deadline" ] || { echo never; return 0; }
    sleep 0.2
  done
  now
}
after() { if [ "$2" = never ]; then echo never; else echo "$(since "$1" "$2") s"; fi; }
api() { curl -fsS -H "X-ChatROI-Internal-Token: $TOKEN" "$@"; }
json() { api -H 'Content-Type: application/json' "$@"; }
id_of() { grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4; }

echo "== private PostgreSQL 15 on port $PG_PORT ($WORK/pg)"
mkdir "$WORK/pg" "$WORK/pglog" && { [ "$(id -u)" != 0 ] || chown postgres:postgres "$WORK/pg" "$WORK/pglog"; }
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
pg start -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1"
as_pg "$PG_BIN/psql" -h "$WORK/pg" -p "$PG_PORT" -U postgres -d postgres -qc "CREATE ROLE chatroi LOGIN PASSWORD '$PW'" \
  -c "CREATE DATABASE contacts_faults OWNER chatroi" -c "CREATE DATABASE campaigns_faults OWNER chatroi" \
  -c "CREATE DATABASE gateway_faults OWNER chatroi" -c "CREATE DATABASE metrics_faults OWNER chatroi"

java -Dsun.net.httpserver.nodelay=true bench/dispatch/FakeGraph.java "$GRAPH_PORT" "$WORK/calls.txt" \
  "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/whatsapp" "$SECRET" >"$WORK/graph.log" 2>&1 &
PID[graph]=$!
touch "$WORK/calls.txt"
# one after the other: four JVMs starting at once on a small machine can wait past the JDBC acquisition timeout
for service in contacts:$CONTACTS_PORT campaign:$CAMPAIGN_PORT gateway:$GATEWAY_PORT metrics:$METRICS_PORT; do
  "start_${service%%:*}"
  [ "$(ready "${service#*:}" 300)" != never ] || { tail -n 30 "$WORK"/*.log >&2; exit 1; }
done
# peak RSS: VmHWM of every process of each service (campaign-service is restarted), sampled every second
( while :; do for s in contacts campaign gateway metrics; do
    awk -v s="$s" '/^VmHWM:/ { print s, $2 }' "/proc/$(cat "$WORK/$s.pid")/status" 2>/dev/null || true
  done; sleep 1; done >>"$WORK/hwm.txt" ) &
PID[hwm]=$!

echo "== $CONTACTS contacts imported as owner faults-$RUN"
PHONE_BASE=$(( 493020000000 + (RUN % 80) * 100000 ))
{ echo "phone,name,owner"; for ((i = 0; i < CONTACTS; i++)); do echo "+$((PHONE_BASE + i)),Faults $i,faults-$RUN"; done; } >"$WORK/contacts.csv"
api -H 'Content-Type: text/csv' --data-binary @"$WORK/contacts.csv" "http://127.0.0.1:$CONTACTS_PORT/api/v1/contacts/import" | head -c 120; echo
TEMPLATE=$(json -X POST "http://127.0.0.1:$CAMPAIGN_PORT/api/v1/templates" \
  -d "{\"name\":\"faults_$RUN\",\"language\":\"en_US\",\"category\":\"utility\",\"body\":\"Your order has shipped.\"}" | id_of)
new_campaign() {
  json -X POST "http://127.0.0.1:$CAMPAIGN_PORT/api/v1/campaigns" -d "{\"name\":\"faults $RUN $1\",\"audience\":{\"filter\":{\"owners\":[\"faults-$RUN\"]}},\"variants\":[{\"key\":\"A\",\"templateId\":\"$TEMPLATE\",\"weight\":1}],\"rules\":{\"respectQuietHours\":false,\"frequencyCap\":false}}" | id_of
}
launch() { # retried while campaign-service answers 5xx; a 409 means an earlier try got through
  for _ in $(seq 1 60); do
    case $(api -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$CAMPAIGN_PORT/api/v1/campaigns/$1/launch" 2>/dev/null) in
      200 | 409) return 0 ;;
    esac
    sleep 1
  done
}

ROWS=()
# phase NAME: load and a campaign, the fault at 15 s, then the counts
phase() {
  local name=$1 run="$RUN$1" campaigns calls_before t_fault t_back t_ready t_ready2 t_sent a b c
  echo "== $name: $STATUS_RATE statuses/s for ${LOAD_SECONDS}s, campaign to $CONTACTS contacts, fault at 15 s"
  calls_before=$(wc -l <"$WORK/calls.txt")
  java bench/webhook/WebhookLoad.java "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/whatsapp" "$SECRET" "$run" \
    "$STATUS_RATE" "$LOAD_SECONDS" 64 "$WORK/acked-$name.txt" 60 >"$WORK/load-$name.txt" 2>&1 &
  PID[load]=$!
  campaigns=$(new_campaign "$name")
  local second=
  if [ "$name" = contacts ]; then second=$(new_campaign "$name-launched-while-down"); fi
  [ -n "$campaigns" ] || { echo "could not create the campaign; see $WORK/campaign.log" >&2; exit 1; }
  launch "$campaigns"
  sleep 15
  t_fault=$(now)
  case $name in
    kill9)
      stop campaign KILL
      start_campaign
      t_back=$t_fault
      t_ready=$(ready $CAMPAIGN_PORT) t_ready2=$t_ready ;;
    postgres)
      pg stop -m immediate
      sleep "$PG_DOWN"
      pg start -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1"
      t_back=$(now)
      t_ready=$(ready $CAMPAIGN_PORT) t_ready2=$(ready $CONTACTS_PORT) ;;
    contacts)
      stop contacts
      sleep 5
      launch "$second"
      campaigns="$campaigns $second"
      sleep 25
      start_contacts
      t_back=$(now)
      t_ready=$(ready $CONTACTS_PORT) t_ready2=$t_ready ;;
  esac
  t_sent=$(resumed "$(wc -l <"$WORK/calls.txt")")
  wait "${PID[load]}" || true
  PID[load]=
  local finished=yes deadline=$((SECONDS + 300)) ids
  ids=$(for c in $campaigns; do printf "'%s'," "$c"; done | sed 's/,$//')
  until [ "$(q campaigns_faults -c "SELECT count(*) FROM campaigns WHERE id IN ($ids) AND status <> 'completed'")" = 0 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { finished=no; break; }
    sleep 2
  done
  tail -n +"$((calls_before + 1))" "$WORK/calls.txt" >"$WORK/calls-$name.txt"
  read -r acked stored lost dup < <(q campaigns_faults -F ' ' <<SQL
CREATE TEMP TABLE acked (first bigint, last bigint);
\copy acked FROM '$WORK/acked-$name.txt' WITH (DELIMITER ' ')
WITH ids AS (SELECT 'wamid.bench-$run-' || g AS message_id FROM acked, generate_series(first, last) g),
     stored AS (SELECT message_id, count(*) AS n FROM receipts WHERE message_id LIKE 'wamid.bench-$run-%' GROUP BY 1)
SELECT (SELECT count(*) FROM ids), (SELECT coalesce(sum(n), 0) FROM stored),
       (SELECT count(*) FROM ids LEFT JOIN stored USING (message_id) WHERE stored.n IS NULL),
       (SELECT count(*) FROM stored WHERE n > 1);
SQL
) || true
  read -r called twice sent doubt unsettled never_called < <(q campaigns_faults -F ' ' <<SQL
CREATE TEMP TABLE calls (send_id text, message_id text);
\copy calls FROM '$WORK/calls-$name.txt' WITH (DELIMITER ' ')
WITH s AS (SELECT * FROM sends WHERE campaign_id IN ($ids))
SELECT (SELECT count(DISTINCT send_id) FROM calls),
       (SELECT count(*) FROM (SELECT send_id FROM calls GROUP BY 1 HAVING count(*) > 1) x),
       (SELECT count(*) FROM s WHERE status = 'sent'),
       (SELECT count(*) FROM s WHERE reason = 'unknown_outcome'),
       (SELECT count(*) FROM s WHERE status IN ('queued', 'deferred', 'sending')),
       (SELECT count(*) FROM s WHERE status = 'sent' AND id::text NOT IN (SELECT send_id FROM calls));
SQL
) || true
  echo "   webhook: $(grep -E 'acked|failed|retried|longest' "$WORK/load-$name.txt" | tr -s ' ' | paste -sd';' -)"
  echo "   sends: $sent sent ($never_called of them never reached the stand-in), $doubt failed unknown_outcome, $unsettled unfinished; stand-in got $called sends, $twice of them twice"
  echo "   ready again $(after "$t_back" "$t_ready") / $(after "$t_back" "$t_ready2") after the fault ended; dispatch resumed $(after "$t_back" "$t_sent") after; campaigns finished: $finished"
  ROWS+=("$name|$acked|$stored|$lost|$dup|$called|$twice|$doubt|$finished|$(after "$t_back" "$t_ready")|$(after "$t_back" "$t_sent")|$(awk '/longest/ { print $5 " s" }' "$WORK/load-$name.txt")")
}

memory() {
  echo "== memory: the probe's largest inputs to contacts-service (HTTP status of each)"
  local c=http://127.0.0.1:$CONTACTS_PORT
  code() { api -o /dev/null -w '%{http_code}' "$@" || true; }
  awk -v n=68000 -v b=$((PHONE_BASE + 100000)) 'BEGIN { pad = sprintf("%1000s", ""); gsub(/ /, "y", pad)
    print "phone,name,plan"; for (i = 1; i <= n; i++) printf "+%.0f,Row %d,%s\n", b + i, i, pad }' >"$WORK/big.csv"
  head -n 60001 "$WORK/big.csv" >"$WORK/60k.csv"
  { echo "phone,name,plan"; printf '+%d,Cell,' $((PHONE_BASE + 99999)); head -c 10000000 /dev/zero | tr '\0' x; echo; } >"$WORK/cell.csv"
  head -c 67000000 /dev/zero | tr '\0' ' ' >"$WORK/big.json"
  printf '%.0s[' $(seq 1 100000) >"$WORK/deep.json"
  echo "   a 10 MB cell: $(code -H 'Content-Type: text/csv' --data-binary @"$WORK/cell.csv" "$c/api/v1/contacts/import")"
  echo "   60,000 rows of 1 KB (60 MB): $(code -H 'Content-Type: text/csv' --data-binary @"$WORK/60k.csv" "$c/api/v1/contacts/import")"
  rm -f "$WORK/60k.csv" "$WORK/cell.csv"
  echo "   68,000 rows (68 MB): $(code -H 'Content-Type: text/csv' --data-binary @"$WORK/big.csv" "$c/api/v1/contacts/import"), chunked: $(code -H 'Content-Type: text/csv' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.csv" "$c/api/v1/contacts/import")"
  echo "   64 MiB of JSON: $(code -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$c/api/v1/contacts"), chunked: $(code -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.json" "$c/api/v1/contacts")"
  echo "   JSON nested 100,000 deep: $(code -H 'Content-Type: application/json' --data-binary @"$WORK/deep.json" "$c/api/v1/contacts")"
  echo "   ready afterwards: $([ "$(ready $CONTACTS_PORT 30)" != never ] && echo yes || echo no)"
  memory_gateway
  memory_metrics
  rm -f "$WORK/big.csv" "$WORK/big.json" "$WORK/deep.json"
}
# the same inputs through the gateway (which streams bodies both ways), and the whole export back through it
memory_gateway() {
  echo "== memory: large inputs and outputs through the gateway (HTTP status of each)"
  local g=http://127.0.0.1:$GATEWAY_PORT
  gw() { curl -sS -o "${OUT:-/dev/null}" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" "$@" || true; }
  { echo "phone,name,plan"; printf '+%d,Cell,' $((PHONE_BASE + 99998)); head -c 10000000 /dev/zero | tr '\0' x; echo; } >"$WORK/cell.csv"
  echo "   a 10 MB cell: $(gw -H 'Content-Type: text/csv' --data-binary @"$WORK/cell.csv" "$g/api/v1/contacts/import")"
  rm -f "$WORK/cell.csv"
  echo "   68,000 rows (68 MB): $(gw -H 'Content-Type: text/csv' --data-binary @"$WORK/big.csv" "$g/api/v1/contacts/import"), chunked: $(gw -H 'Content-Type: text/csv' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.csv" "$g/api/v1/contacts/import")"
  head -n 60001 "$WORK/big.csv" >"$WORK/60k.csv"
  echo "   60,000 rows of 1 KB (60 MB): $(gw -H 'Content-Type: text/csv' --data-binary @"$WORK/60k.csv" "$g/api/v1/contacts/import")"
  rm -f "$WORK/60k.csv"
  echo "   64 MiB of JSON: $(gw -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$g/api/v1/contacts"), chunked: $(gw -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.json" "$g/api/v1/contacts")"
  echo "   JSON nested 100,000 deep: $(gw -H 'Content-Type: application/json' --data-binary @"$WORK/deep.json" "$g/api/v1/contacts")"
  echo "   the whole contacts export: $(OUT="$WORK/export.csv" gw "$g/api/v1/contacts/export"), $(wc -c <"$WORK/export.csv") bytes"
  rm -f "$WORK/export.csv"
  echo "   ready afterwards: $([ "$(ready $GATEWAY_PORT 30)" != never ] && echo yes || echo no)"
}
# a recompute of everything the phases made, the largest report reads, and large and deep bodies
memory_metrics() {
  echo "== memory: metrics-service (HTTP status of each)"
  local m=http://127.0.0.1:$METRICS_PORT from to run status deadline=$((SECONDS + 600)) t0
  from=$(date -u -d '-3 years +2 days' +%F) to=$(date -u +%F) t0=$(now)
  run=$(json -X POST "$m/api/v1/recompute" -d "{\"from\":\"$(date -u -d '-30 days' +%F)\",\"to\":\"$to\"}" | id_of)
  until status=$(api "$m/api/v1/recompute/$run" | grep -o '"status":"[^"]*"' | cut -d'"' -f4) \
    && [[ $status != queued && $status != running ]]; do
    [ "$SECONDS" -lt "$deadline" ] || { status="still $status"; break; }
    sleep 1
  done
  echo "   a synced recompute of the last 30 days: $status after $(since "$t0") s ($(q metrics_faults -c "SELECT count(*) FROM f_sends") sends, $(q metrics_faults -c "SELECT count(*) FROM f_contacts") contacts synced)"
  mc() { curl -sS -o /dev/null -w '%{http_code} %{size_download}B' -H "X-ChatROI-Internal-Token: $TOKEN" "$@" || true; }
  local range="from=$from&to=$to"
  echo "   KPIs by day over 3 years, JSON: $(mc "$m/api/v1/kpis?$range&groupBy=day"), CSV: $(mc -H 'Accept: text/csv' "$m/api/v1/kpis?$range&groupBy=day")"
  echo "   KPIs by campaign, owner, week: $(mc "$m/api/v1/kpis?$range&groupBy=campaign") $(mc "$m/api/v1/kpis?$range&groupBy=owner") $(mc -H 'Accept: text/csv' "$m/api/v1/kpis?$range&groupBy=week")"
  echo "   scorecards, trends, funnel, ROI: $(mc "$m/api/v1/scorecards?$range") $(mc -H 'Accept: text/csv' "$m/api/v1/trends?metric=conversations&interval=week&$range") $(mc "$m/api/v1/funnel?$range") $(mc "$m/api/v1/roi?$range")"
  echo "   hanging conversations, CSV: $(mc -H 'Accept: text/csv' "$m/api/v1/conversation-outcomes/hanging?$range&limit=500")"
  echo "   KPIs by day through the gateway: $(curl -sS -o /dev/null -w '%{http_code} %{size_download}B' -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$GATEWAY_PORT/api/v1/kpis?$range&groupBy=day" || true)"
  echo "   64 MiB of JSON to costs: $(mc -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$m/api/v1/costs"), chunked: $(mc -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.json" "$m/api/v1/costs")"
  echo "   JSON nested 100,000 deep to costs: $(mc -H 'Content-Type: application/json' --data-binary @"$WORK/deep.json" "$m/api/v1/costs")"
  echo "   ready afterwards: $([ "$(ready $METRICS_PORT 30)" != never ] && echo yes || echo no)"
}

for p in kill9 postgres contacts memory; do
  if [[ ",$ONLY," == *",$p,"* ]]; then if [ "$p" = memory ]; then memory; else phase "$p"; fi; fi
done

echo
echo "JVM options: $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; dispatcher claim ${FAULTS_CLAIM_FOR:-20s}, in-doubt wait ${FAULTS_UNKNOWN_OUTCOME_AFTER:-60s}"
printf '%-9s %8s %8s %5s %4s %7s %6s %8s %9s %12s %12s %10s\n' fault acked stored lost dup "to Meta" twice in-doubt finished "ready after" "sends after" "no 200 for"
for row in "${ROWS[@]+"${ROWS[@]}"}"; do
  IFS='|' read -r -a f <<<"$row"
  printf '%-9s %8s %8s %5s %4s %7s %6s %8s %9s %12s %12s %10s\n' "${f[@]}"
done
echo
printf '%-18s %14s %12s   %s\n' service "peak RSS MiB" "k8s limit" "non-heap at the end (MiB)"
declare -A MANAGEMENT=([contacts]=$((BASE + 11)) [campaign]=$((BASE + 12)) [gateway]=$((BASE + 14)) [metrics]=$((BASE + 15)))
declare -A MANIFEST=([contacts]=contacts-service [campaign]=campaign-service [gateway]=gateway [metrics]=metrics-service)
for s in contacts campaign gateway metrics; do
  port=${MANAGEMENT[$s]}
  # every service's Deployment comes from one template, with one memory limit
  limit=$(awk '/limits:/ { l = 1 } l && /memory:/ { print $2; exit }' k8s/base/service-template/service.yaml)
  peak=$(awk -v s="$s" '$1 == s && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$WORK/hwm.txt")
  nonheap=$(curl -fsS "http://127.0.0.1:$port/q/metrics" 2>/dev/null | awk -F'[{} ]' '/^jvm_(memory_used_bytes\{area="nonheap"|buffer_memory_used_bytes\{id="direct")/ {
      match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5); sum[id] += $NF }
    END { for (i in sum) printf "%s %.0f  ", i, sum[i] / 1048576 }')
  printf '%-18s %14s %12s   %s\n' "${MANIFEST[$s]}" "$peak" "$limit" "$nonheap"
done
