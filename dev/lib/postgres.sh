# Sourced by dev/up and dev/test: makes PostgreSQL reachable and creates the ChatROI role and databases.
# Order: a server already answering on PGHOST:PGPORT; else the installed Debian cluster; else install it
# from Debian's packages (root only); else stop with what to do.

: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${PGUSER:=chatroi}"
export PGHOST PGPORT PGUSER

CHATROI_DATABASES=(contacts campaigns metrics gateway)

chatroi_pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null
  fi
}

chatroi_wait_pg() {
  for _ in $(seq 1 60); do chatroi_pg_ready && return 0; sleep 0.5; done
  return 1
}

chatroi_start_installed_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local version cluster
  read -r version cluster _ < <(pg_lsclusters --no-header 2>/dev/null | head -n 1) || return 1
  [ -n "${version:-}" ] || return 1
  echo "Starting the installed PostgreSQL cluster $version/$cluster"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start 2>/dev/null \
    || pg_ctlcluster "$version" "$cluster" start || return 1
  chatroi_wait_pg
}

chatroi_install_postgres() {
  [ "$(id -u)" = 0 ] || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "Installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql postgresql-contrib >/dev/null || return 1
  chatroi_start_installed_cluster
}

# Runs SQL as a PostgreSQL superuser: over TCP as 'postgres' when the server trusts it, else as the
# postgres OS user over the local socket (root on a stock Debian install).
chatroi_psql_admin() {
  if PGUSER=postgres PGPASSWORD="${PGADMINPASSWORD:-}" psql -w -h "$PGHOST" -p "$PGPORT" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    PGUSER=postgres PGPASSWORD="${PGADMINPASSWORD:-}" psql -w -v ON_ERROR_STOP=1 -q -h "$PGHOST" -p "$PGPORT" -d postgres "$@"
  elif [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    (cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -p "$PGPORT" -d postgres "$@")
  else
    echo "Cannot log in to PostgreSQL as a superuser to create the ChatROI role and databases." >&2
    echo "Set PGADMINPASSWORD for the 'postgres' role, or create role '$PGUSER' and databases ${CHATROI_DATABASES[*]} yourself." >&2
    return 1
  fi
}

# chatroi_prepare_postgres [suffix]: ensures the server, the login role and one database per service
# (with the suffix, e.g. _test, appended to each name).
chatroi_prepare_postgres() {
  local suffix="${1:-}"
  if ! chatroi_pg_ready; then
    chatroi_start_installed_cluster || chatroi_install_postgres || {
      echo "PostgreSQL is not reachable on $PGHOST:$PGPORT and could not be started or installed." >&2
      echo "Start a PostgreSQL 15+ server there (or set PGHOST/PGPORT), then run this again." >&2
      return 1
    }
  fi
  if ! command -v psql >/dev/null 2>&1; then
    echo "psql is missing: install Debian's postgresql-client (apt-get install postgresql-client)." >&2
    return 1
  fi
  chatroi_psql_admin -v role="$PGUSER" -v pw="$PGPASSWORD" <<'SQL' || return 1
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'pw') \gexec
SQL
  local db
  for db in "${CHATROI_DATABASES[@]}"; do
    chatroi_psql_admin -v db="$db$suffix" -v role="$PGUSER" <<'SQL' || return 1
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  done
}
