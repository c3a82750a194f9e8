#!/usr/bin/env bash
# Faults (issue 11): signed webhook load at 2,000 statuses/s (retried like Meta when not answered 200) and a sending
# campaign against a local Graph API stand-in (which reports each message back as a signed "sent" status), then one
# fault per phase:
#   kill9     kill -9 campaign-service mid-load and mid-dispatch, start it again at once;
#   postgres  stop PostgreSQL (immediate mode, like a crash) mid-load for FAULTS_PG_DOWN seconds, start it again;
#   contacts  stop contacts-service for 30 s during a dispatch, and launch a second campaign while it is down.
# After each: every status answered 200 is stored exactly once, no message reached the stand-in twice, the
# campaigns finish, every service is ready again by itself, and how long each took. Last, a memory phase sends the
# probe's largest inputs to contacts-service, and each service's peak RSS (VmHWM) is printed beside its k8s limit.
#
# Everything it uses it starts, and stops exactly that at the end: a private PostgreSQL 15 cluster (initdb into a
# temporary directory, port CHATROI_FAULTS_PG_PORT, default 5499; never the shared server on 5432), contacts-service
# and campaign-service from the packaged jars on BASE+1 and BASE+2 (management BASE+11, BASE+12; BASE is
# CHATROI_FAULTS_PORT_BASE, default 18400) against contacts_faults and campaigns_faults, the stand-in on BASE+3.
#
#   bench/faults.sh [LOAD_SECONDS (60)] [CONTACTS (2400)]
#   build first: ./mvnw -B -o -q package -DskipTests -pl contacts-service,campaign-service -am
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
JAVA_OPTS=${CHATROI_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
RUN=$(( $(date +%s) % 100000 ))
PW=faults-$RANDOM$RANDOM TOKEN=faults-token-$RANDOM$RANDOM SECRET=faults-secret-$RANDOM$RANDOM
WORK=$(mktemp -d /tmp/chatroi-faults.XXXXXX)
chmod 755 "$WORK"
declare -A PID=()

for jar in contacts-service campaign-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || { echo "$jar's jar is missing: ./mvnw -B -o -q package -DskipTests -pl contacts-service,campaign-service -am" >&2; exit 1; }
done
for port in $CONTACTS_PORT $CAMPAIGN_PORT $GRAPH_PORT $((BASE + 11)) $((BASE + 12)) $PG_PORT; do
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
  for name in load hwm campaign contacts graph; do stop "$name"; done
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
  -c "CREATE DATABASE contacts_faults OWNER chatroi" -c "CREATE DATABASE campaigns_faults OWNER chatroi"

java -Dsun.net.httpserver.nodelay=true bench/dispatch/FakeGraph.java "$GRAPH_PORT" "$WORK/calls.txt" \
  "http://127.0.0.1:$CAMPAIGN_PORT/webhooks/whatsapp" "$SECRET" >"$WORK/graph.log" 2>&1 &
PID[graph]=$!
touch "$WORK/calls.txt"
start_contacts
start_campaign
[ "$(ready $CONTACTS_PORT)" != never ] && [ "$(ready $CAMPAIGN_PORT)" != never ] || { tail -n 30 "$WORK"/*.log >&2; exit 1; }
# peak RSS: VmHWM of every process of each service (campaign-service is restarted), sampled every second
( while :; do for s in contacts campaign; do
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
  rm -f "$WORK/big.csv"
  echo "   64 MiB of JSON: $(code -H 'Content-Type: application/json' --data-binary @"$WORK/big.json" "$c/api/v1/contacts"), chunked: $(code -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$WORK/big.json" "$c/api/v1/contacts")"
  echo "   JSON nested 100,000 deep: $(code -H 'Content-Type: application/json' --data-binary @"$WORK/deep.json" "$c/api/v1/contacts")"
  echo "   ready afterwards: $([ "$(ready $CONTACTS_PORT 30)" != never ] && echo yes || echo no)"
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
for s in contacts campaign; do
  port=$([ $s = contacts ] && echo $((BASE + 11)) || echo $((BASE + 12)))
  limit=$(awk '/limits:/ { l = 1 } l && /memory:/ { print $2; exit }' "k8s/base/$s-service.yaml")
  peak=$(awk -v s="$s" '$1 == s && $2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$WORK/hwm.txt")
  nonheap=$(curl -fsS "http://127.0.0.1:$port/q/metrics" 2>/dev/null | awk -F'[{} ]' '/^jvm_(memory_used_bytes\{area="nonheap"|buffer_memory_used_bytes\{id="direct")/ {
      match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5); sum[id] += $NF }
    END { for (i in sum) printf "%s %.0f  ", i, sum[i] / 1048576 }')
  printf '%-18s %14s %12s   %s\n' "$s-service" "$peak" "$limit" "$nonheap"
done
