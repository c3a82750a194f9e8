#!/usr/bin/env bash
# Measures each service's start-up time and idle memory: starts its built jar alone (same JVM options as dev/up,
# on port 18080-18083 so that services started by dev/up keep running), reads Quarkus' "started in X.XXXs",
# waits 20 s idle, reads VmRSS from /proc, stops it, and prints a table.
#
#   bench/startup-rss.sh [SERVICE...]      default: gateway contacts-service campaign-service metrics-service
#
# Needs the jars (dev/up builds them) and PostgreSQL with the databases (dev/up prepares them). Uses the
# environment like dev/up: PG*, CHATROI_* and WHATSAPP_* variables, else the secrets in .dev/secrets.env.
# CHATROI_JAVA_OPTS (default "-Xms64m -Xmx256m -XX:+UseSerialGC"); BENCH_IDLE_SECONDS (20).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=dev/lib/java.sh
source "$ROOT/dev/lib/java.sh"

IDLE_SECONDS=${BENCH_IDLE_SECONDS:-20}
START_TIMEOUT=120
: "${CAMPAIGN_PROVIDER:=simulated}"
: "${CHATROI_TIME_ZONE:=UTC}"
: "${CHATROI_CURRENCY:=USD}"
export CAMPAIGN_PROVIDER CHATROI_TIME_ZONE CHATROI_CURRENCY

# Secrets dev/up generated, unless the environment sets them.
if [ -f .dev/secrets.env ]; then
  while IFS='=' read -r key value || [ -n "$key" ]; do
    case "$key" in
      PGPASSWORD | CHATROI_ADMIN_KEY | CHATROI_INTERNAL_TOKEN | WHATSAPP_APP_SECRET | WHATSAPP_VERIFY_TOKEN)
        if [ -z "${!key:-}" ]; then printf -v "$key" '%s' "$value"; export "${key?}"; fi ;;
    esac
  done <.dev/secrets.env
fi

port_of() {
  case "$1" in
    gateway) echo 18080 ;;
    contacts-service) echo 18081 ;;
    campaign-service) echo 18082 ;;
    metrics-service) echo 18083 ;;
    *) echo "unknown service $1 (gateway, contacts-service, campaign-service, metrics-service)" >&2; return 1 ;;
  esac
}

# A child that exited stays a zombie until waited for, and kill -0 still succeeds on it: look at its state.
alive() {
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

CURRENT_PID=
stop_current() {
  local pid=$CURRENT_PID waited=0
  [ -n "$pid" ] || return 0
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    while alive "$pid" && [ "$waited" -lt 20 ]; do sleep 1; waited=$((waited + 1)); done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
  CURRENT_PID=
}
trap stop_current EXIT
trap 'exit 130' INT TERM

SERVICES=("$@")
if [ "${#SERVICES[@]}" -eq 0 ]; then SERVICES=(gateway contacts-service campaign-service metrics-service); fi
ROWS=()
FAILED=0

for service in "${SERVICES[@]}"; do
  port=$(port_of "$service")
  jar=$ROOT/$service/target/quarkus-app/quarkus-run.jar
  log=/tmp/chatroi-startup-$service.log
  if [ ! -f "$jar" ]; then
    echo "$service: $jar is missing (build first: dev/up, or ./mvnw -B -q install -DskipTests)" >&2
    ROWS+=("$service|missing jar|-|-")
    FAILED=1
    continue
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "$service: port $port is in use; skipped" >&2
    ROWS+=("$service|port $port busy|-|-")
    FAILED=1
    continue
  fi

  echo "Starting $service on port $port (log $log)..."
  t0=$(date +%s.%N)
  chatroi_java_args "$jar"
  nohup java "${CHATROI_JAVA_ARGS[@]}" -Dquarkus.http.port="$port" -jar "$jar" >"$log" 2>&1 </dev/null &
  CURRENT_PID=$!
  started=
  for ((i = 0; i < START_TIMEOUT * 5; i++)); do
    started=$(grep -o 'started in [0-9.]*s' "$log" 2>/dev/null | head -n 1 | sed 's/started in \([0-9.]*\)s/\1/' || true)
    [ -n "$started" ] && break
    alive "$CURRENT_PID" || break
    sleep 0.2
  done
  if [ -z "$started" ]; then
    echo "$service did not start; last lines of $log:" >&2
    tail -n 30 "$log" >&2 || true
    stop_current
    ROWS+=("$service|failed|-|-")
    FAILED=1
    continue
  fi
  # Wall-clock time from launching the JVM to a ready answer (includes JVM start-up, unlike "started in").
  ready=-
  for ((i = 0; i < 150; i++)); do
    if curl -fsS -o /dev/null -m 2 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
      ready=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
      break
    fi
    sleep 0.2
  done
  echo "  started in ${started}s, ready after ${ready}s; idle for ${IDLE_SECONDS}s..."
  sleep "$IDLE_SECONDS"
  rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$CURRENT_PID/status" 2>/dev/null || true)
  stop_current
  if [ -n "$rss_kb" ]; then
    ROWS+=("$service|$started|$ready|$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')")
  else
    ROWS+=("$service|$started|$ready|exited")
    FAILED=1
  fi
done

echo
echo "JVM options: $CHATROI_JAVA_OPTS (+ the class archive of an earlier run, see dev/lib/java.sh); RSS read after ${IDLE_SECONDS}s idle"
printf '%-18s %12s %14s %14s\n' service "startup s" "launch->ready" "idle RSS MB"
for row in "${ROWS[@]}"; do
  IFS='|' read -r service started ready rss <<<"$row"
  printf '%-18s %12s %14s %14s\n' "$service" "$started" "$ready" "$rss"
done
exit "$FAILED"
