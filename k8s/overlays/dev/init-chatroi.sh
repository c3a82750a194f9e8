#!/usr/bin/env bash
# PostgreSQL image init script (docker-entrypoint-initdb.d): runs once, when the data volume is empty.
# Creates the login role the services use (PGUSER/PGPASSWORD of Secret chatroi-postgres) and one database per
# service, owned by that role (contacts-service's migration creates the trusted extension pg_trgm itself).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v role="$CHATROI_USER" -v pw="$CHATROI_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'pw')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', db, :'role')
  FROM unnest(ARRAY['contacts', 'campaigns', 'metrics', 'gateway']) AS db
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = db) \gexec
SQL
