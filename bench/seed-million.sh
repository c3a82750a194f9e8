#!/usr/bin/env bash
# Inserts 1,000,000 synthetic contacts straight into the contacts database, so that list/filter latency can be
# measured at that size (bench/list-filter.sh); or removes them again. The rows are marked with the attribute
# {"bench": true}; ~30% get custom or interest tags. The schema must exist (start contacts-service once: dev/up).
#
#   bench/seed-million.sh [DATABASE]            insert (DATABASE defaults to contacts)
#   bench/seed-million.sh --remove [DATABASE]   delete every contact marked {"bench": true}
#
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD (127.0.0.1, 5432, chatroi; the password defaults to the one
# dev/up stored in .dev/secrets.env). BENCH_CONTACTS changes the number of rows. Needs psql.
set -euo pipefail
cd "$(dirname "$0")/.."

REMOVE=0
DB=contacts
for arg in "$@"; do
  case "$arg" in
    --remove) REMOVE=1 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "Unknown option: $arg" >&2; exit 2 ;;
    *) DB=$arg ;;
  esac
done
COUNT=${BENCH_CONTACTS:-1000000}

: "${PGHOST:=127.0.0.1}"
: "${PGPORT:=5432}"
: "${PGUSER:=chatroi}"
if [ -z "${PGPASSWORD:-}" ] && [ -f .dev/secrets.env ]; then
  PGPASSWORD=$(sed -n 's/^PGPASSWORD=//p' .dev/secrets.env | tail -n 1)
fi
: "${PGPASSWORD:=chatroi}"
export PGHOST PGPORT PGUSER PGPASSWORD
export PGCLIENTENCODING=UTF8

command -v psql >/dev/null 2>&1 || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
sql() { psql -X -w -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

if [ "$(sql -tAc "SELECT to_regclass('public.contacts') IS NOT NULL AND to_regclass('public.contact_tags') IS NOT NULL")" != t ]; then
  echo "Database $DB on $PGHOST:$PGPORT has no contacts/contact_tags tables yet: start contacts-service once (dev/up) so Flyway creates them." >&2
  exit 1
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
START=$(now)

if [ "$REMOVE" = 1 ]; then
  echo "Removing the bench contacts from $DB on $PGHOST:$PGPORT..."
  sql <<'SQL'
BEGIN;
DELETE FROM contact_tags WHERE contact_id IN (SELECT id FROM contacts WHERE attributes @> '{"bench": true}');
DELETE FROM contacts WHERE attributes @> '{"bench": true}';
COMMIT;
VACUUM (ANALYZE) contact_tags;
VACUUM (ANALYZE) contacts;
SQL
  echo "Done in $(elapsed "$START") s; $(sql -tAc 'SELECT count(*) FROM contacts') contacts left."
  exit 0
fi

EXISTING=$(sql -tAc "SELECT count(*) FROM contacts WHERE attributes @> '{\"bench\": true}'")
if [ "$EXISTING" != 0 ]; then
  echo "$DB already holds $EXISTING bench contacts; run bench/seed-million.sh --remove first to seed again."
  exit 0
fi

echo "Inserting $COUNT contacts into $DB on $PGHOST:$PGPORT..."
sql -v n="$COUNT" <<'SQL'
SET synchronous_commit = off;
\timing on

\echo tags (only the missing ones)
INSERT INTO tags (name, colour, category, description, system, created_at, updated_at)
SELECT v.name, v.colour, v.category, v.description, v.system, now(), now()
FROM (VALUES
    ('vip', '#d4af37', 'custom', 'Key account: large or strategic buyer', false),
    ('distributor', '#1e88e5', 'custom', 'Resells to installers or retailers in their market', false),
    ('sample-sent', '#8e24aa', 'custom', 'Product samples shipped', false),
    ('led-lighting', '#fdd835', 'custom', 'Interested in LED lighting', false),
    ('solar-panels', '#43a047', 'custom', 'Interested in solar panels and inverters', false),
    ('interest:discount', '#e53935', 'interest', 'Asks about discounts, coupons, sales', true),
    ('interest:new-product', '#1e88e5', 'interest', 'Asks about new models and upgrades', true)
  ) AS v(name, colour, category, description, system)
WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.name = v.name);

\echo contacts
INSERT INTO contacts (id, phone, name, company, country, language, time_zone, source, owner, stage,
                      accepted_at, opted_out, opted_out_at, attributes, created_at, updated_at,
                      last_inbound_at, last_outbound_at)
SELECT gen_random_uuid(),
       '+1' || (2000000000 + s.n)::text,
       CASE WHEN s.n % 10 = 0
            THEN (ARRAY['王伟','李娜','张敏','刘洋','陈静','杨磊','黄丽','赵强','周杰','吴芳'])[1 + (s.n / 10) % 10]
            ELSE (ARRAY['James','Emily','Lukas','Anna','João','Priya','Ahmed','Oliver','Chinedu','Sofía',
                        'Maria','David','Laura','Rahul','Fatima','George','Aisha','Carlos','Sarah','Kevin'])[1 + s.n % 20]
                 || ' ' ||
                 (ARRAY['Smith','Müller','Silva','Sharma','Hassan','Jones','Okafor','García','Brown','Weber',
                        'Costa','Patel','Khalid','Taylor','Eze','López','Miller','Fischer','Reddy','Wilson',
                        'Santos','Kumar','Nasser','Evans','Bello'])[1 + (s.n / 20) % 25]
       END,
       (ARRAY['Acme','Globex','Sunrise','Bright','Nordic','Atlas','Pacific','Andes','Sahara','Lotus'])[1 + (s.n / 7) % 10]
         || ' ' || (ARRAY['Trading','Imports','Electronics','Lighting','Solar','Supplies'])[1 + (s.n / 3) % 6]
         || ' ' || (s.n % 997)::text,
       c.country, c.language, c.time_zone,
       (ARRAY['trade_show','b2b_inquiry','website','social','ads_ctwa','referral','import','other'])[1 + floor(s.r_source * 8)::int],
       'Owner ' || lpad((1 + s.n % 20)::text, 2, '0'),
       CASE WHEN s.r_stage < 0.35 THEN 'new'
            WHEN s.r_stage < 0.55 THEN 'engaged'
            WHEN s.r_stage < 0.70 THEN 'inquiry'
            WHEN s.r_stage < 0.80 THEN 'quoted'
            WHEN s.r_stage < 0.92 THEN 'customer'
            WHEN s.r_stage < 0.97 THEN 'repeat_customer'
            ELSE 'churned' END,
       CASE WHEN s.r_accepted < 0.70 THEN s.created + interval '1 hour' END,
       s.r_opt < 0.02,
       CASE WHEN s.r_opt < 0.02 THEN s.updated END,
       '{"bench": true}'::jsonb,
       s.created,
       s.updated,
       CASE WHEN s.r_inbound < 0.60 THEN greatest(s.created, now() - (s.r_inbound / 0.60) * interval '30 days') END,
       CASE WHEN s.r_outbound < 0.80 THEN greatest(s.created, now() - (s.r_outbound / 0.80) * interval '60 days') END
FROM (
    SELECT g.n, g.created,
           g.created + random() * (now() - g.created) AS updated,
           random() AS r_source, random() AS r_stage, random() AS r_accepted, random() AS r_opt,
           random() AS r_inbound, random() AS r_outbound
    FROM (SELECT n, now() - random() * interval '730 days' AS created
          FROM generate_series(1, :n) AS n) AS g
  ) AS s
JOIN (VALUES
    (0, 'US', 'en', 'America/New_York'), (1, 'DE', 'de', 'Europe/Berlin'), (2, 'BR', 'pt', 'America/Sao_Paulo'),
    (3, 'IN', 'en', 'Asia/Kolkata'), (4, 'AE', 'ar', 'Asia/Dubai'), (5, 'GB', 'en', 'Europe/London'),
    (6, 'CN', 'zh', 'Asia/Shanghai'), (7, 'NG', 'en', 'Africa/Lagos'), (8, 'MX', 'es', 'America/Mexico_City'),
    (9, 'FR', 'fr', 'Europe/Paris'), (10, 'ES', 'es', 'Europe/Madrid'), (11, 'SA', 'ar', 'Asia/Riyadh'),
    (12, 'ZA', 'en', 'Africa/Johannesburg'), (13, 'VN', 'vi', 'Asia/Ho_Chi_Minh'), (14, 'AU', 'en', 'Australia/Sydney')
  ) AS c(k, country, language, time_zone) ON c.k = s.n % 15;

\echo contact_tags (about 30% of the contacts)
INSERT INTO contact_tags (contact_id, tag_name, assigned_at, assigned_by)
SELECT t.id, x.tag_name, t.updated_at, 'bench'
FROM (SELECT id, updated_at, random() AS r
      FROM contacts WHERE attributes @> '{"bench": true}') AS t
CROSS JOIN LATERAL (
    SELECT 'vip' AS tag_name WHERE t.r < 0.06
    UNION ALL SELECT 'distributor' WHERE t.r >= 0.04 AND t.r < 0.14
    UNION ALL SELECT 'interest:discount' WHERE t.r >= 0.12 AND t.r < 0.18
    UNION ALL SELECT 'sample-sent' WHERE t.r >= 0.18 AND t.r < 0.22
    UNION ALL SELECT 'led-lighting' WHERE t.r >= 0.20 AND t.r < 0.26
    UNION ALL SELECT 'solar-panels' WHERE t.r >= 0.26 AND t.r < 0.29
    UNION ALL SELECT 'interest:new-product' WHERE t.r >= 0.29 AND t.r < 0.30
  ) AS x
WHERE t.r < 0.30;

\echo analyze
ANALYZE tags;
ANALYZE contacts;
ANALYZE contact_tags;
SQL

echo "Done in $(elapsed "$START") s: $(sql -tAc 'SELECT count(*) FROM contacts') contacts, $(sql -tAc 'SELECT count(*) FROM contact_tags') tag assignments in $DB."
if [ "$DB" = contacts ]; then echo "Remove them with: bench/seed-million.sh --remove"; else echo "Remove them with: bench/seed-million.sh --remove $DB"; fi
