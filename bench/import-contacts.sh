#!/usr/bin/env bash
# Times one CSV import of 100,000 valid contacts through POST /api/v1/contacts/import.
#
#   bench/import-contacts.sh [RUN] [BASE_URL]
#
# RUN (0-78) picks a block of 100,000 phone numbers (+1 628 NXX XXXX, San Francisco; libphonenumber-valid, and
# apart from the demo data's +1 415 numbers). A new RUN creates contacts; repeating a RUN updates the same ones,
# so both paths can be measured. Without RUN a random block is used. BASE_URL defaults to $CHATROI_API_URL, else
# http://127.0.0.1:8081. BENCH_ROWS changes the row count. Sends "Authorization: Bearer $CHATROI_API_KEY" when set.
# Needs bash, awk, curl.
set -euo pipefail
export TZ=UTC

ROWS=${BENCH_ROWS:-100000}
URL=${2:-${CHATROI_API_URL:-http://127.0.0.1:8081}}
URL=${URL%/}
# 791 usable exchanges (200-999 without 555 and the N11 codes) x 10,000 line numbers.
CAPACITY=7910000
MAX_RUN=$((CAPACITY / ROWS - 1))
if [ $# -ge 1 ] && [ -n "$1" ]; then
  RUN=$1
  if ! [[ "$RUN" =~ ^[0-9]+$ ]] || [ "$RUN" -gt "$MAX_RUN" ]; then
    echo "RUN must be a number from 0 to $MAX_RUN." >&2
    exit 2
  fi
else
  RUN=$(((RANDOM * 32768 + RANDOM) % (MAX_RUN + 1)))
fi

CSV=/tmp/chatroi-bench-import-$RUN.csv
ANSWER_FILE=$(mktemp)
trap 'rm -f "$ANSWER_FILE"' EXIT
AUTH=()
if [ -n "${CHATROI_API_KEY:-}" ]; then AUTH=(-H "Authorization: Bearer $CHATROI_API_KEY"); fi

# The tags the rows use must exist (409: already there).
for tag in vip distributor; do
  status=$(curl -sS -o "$ANSWER_FILE" -w '%{http_code}' "${AUTH[@]+"${AUTH[@]}"}" -X POST \
    -H 'Content-Type: application/json' \
    --data-binary "{\"name\":\"$tag\",\"colour\":\"#607d8b\",\"category\":\"custom\",\"description\":\"bench\"}" \
    "$URL/api/v1/tags") || { echo "Cannot reach $URL" >&2; exit 1; }
  case "$status" in
    2?? | 409) ;;
    *) echo "POST $URL/api/v1/tags -> HTTP $status: $(cat "$ANSWER_FILE")" >&2; exit 1 ;;
  esac
done

ACCEPTED_AT=$(date -u -d '30 days ago' +%Y-%m-%dT09:00:00Z)
awk -v rows="$ROWS" -v start=$((RUN * ROWS)) -v accepted="$ACCEPTED_AT" '
  BEGIN {
    m = 0
    for (e = 200; e <= 999; e++) if (e != 555 && e % 100 != 11) exch[m++] = e
    nn = split("James Carter|Emily Johnson|Michael Brown|Sarah Miller|David Wilson|Jessica Moore|Kevin Nguyen|Laura Chen|王伟|李娜|Robert Garcia|Linda Martinez|张敏|Daniel Lee|Olivia Davis|Ethan Clark", names, "|")
    nc = split("Acme Lighting|Pacific Solar|Golden Gate LED|Bay Trading|Sunrise Imports|深圳光明照明|Redwood Supply|Harbor Electric", companies, "|")
    ns = split("trade_show|b2b_inquiry|website|social|ads_ctwa|referral|import|other", sources, "|")
    nt = split("new|engaged|inquiry|quoted", stages, "|")
    print "phone,name,company,country,language,timeZone,source,owner,stage,acceptedAt,tags"
    for (n = 0; n < rows; n++) {
      k = start + n
      phone = sprintf("+1628%d%04d", exch[int(k / 10000)], k % 10000)
      tags = (n % 50 == 0) ? "vip;distributor" : (n % 20 == 0) ? "vip" : (n % 7 == 0) ? "distributor" : ""
      printf "%s,%s,%s %d,US,en,America/Los_Angeles,%s,Bench Owner %02d,%s,%s,%s\n", \
        phone, names[1 + n % nn], companies[1 + int(n / 7) % nc], n % 500, sources[1 + n % ns], 1 + n % 10, \
        stages[1 + int(n / 3) % nt], (n % 10 < 7) ? accepted : "", tags
    }
  }' >"$CSV"
BYTES=$(wc -c <"$CSV")

echo "Importing $ROWS rows (run $RUN, $((BYTES / 1024)) KiB, $CSV) into $URL/api/v1/contacts/import"
T0=$(date +%s.%N)
rc=0
STATUS=$(curl -sS --max-time 1800 -o "$ANSWER_FILE" -w '%{http_code}' "${AUTH[@]+"${AUTH[@]}"}" -X POST \
  -H 'Content-Type: text/csv; charset=utf-8' --data-binary "@$CSV" "$URL/api/v1/contacts/import") || rc=$?
T1=$(date +%s.%N)
ANSWER=$(cat "$ANSWER_FILE")
if [ "$rc" != 0 ] || [[ "$STATUS" != 2?? ]]; then
  echo "Import failed: HTTP $STATUS (curl exit $rc): ${ANSWER:0:2000}" >&2
  exit 1
fi

number_of() { # the integer value of a top-level field, or ""
  printf '%s' "$ANSWER" | grep -o "\"$1\" *: *[0-9]*" | head -n 1 | sed 's/.*: *//' || true
}
CREATED=$(number_of created)
UPDATED=$(number_of updated)
REJECTED=$(number_of rejected)
if [ -z "$REJECTED" ]; then
  # "rejected" is a list of rows: count its elements (depth-aware, no jq).
  REJECTED=$(printf '%s' "$ANSWER" | awk '
    BEGIN { RS = "\001" }
    {
      s = $0; n = length(s); depth = 0; key = ""; inList = 0; next1 = 0; count = 0; inStr = 0
      for (p = 1; p <= n; p++) {
        c = substr(s, p, 1)
        if (inStr) { if (c == "\\") p++; else if (c == "\"") inStr = 0; else str = str c; continue }
        if (c == "\"") { inStr = 1; str = ""; if (inList && depth == 2) count++; continue }
        if (c == ":") { key = str; next1 = (depth == 1 && key == "rejected"); continue }
        if (c == "[" || c == "{") {
          depth++
          if (c == "[" && depth == 2 && next1) inList = 1
          else if (inList && depth == 3) count++
          next1 = 0; continue
        }
        if (c == "]" || c == "}") { if (c == "]" && depth == 2) inList = 0; depth--; continue }
      }
      print count
    }')
fi

awk -v rows="$ROWS" -v t0="$T0" -v t1="$T1" -v c="${CREATED:-?}" -v u="${UPDATED:-?}" -v r="${REJECTED:-?}" 'BEGIN {
  s = t1 - t0
  printf "rows      %d\nseconds   %.2f\nrows/s    %.0f\ncreated   %s\nupdated   %s\nrejected  %s\n", rows, s, rows / s, c, u, r
}'
if [ "${REJECTED:-0}" != 0 ]; then echo "Answer (start): ${ANSWER:0:600}"; fi
rm -f "$CSV"
