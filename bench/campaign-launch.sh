#!/usr/bin/env bash
# Launch benchmark (issue 3): a campaign whose audience is every contact (1,000,000+ after bench/seed-million.sh)
# is launched; times how long until every send is queued (the audience paged from contacts-service and written in
# bulk), then cancels the campaign so nothing is sent. Needs dev/up running.
set -euo pipefail
cd "$(dirname "$0")/.."
C=${CHATROI_CAMPAIGN_URL:-http://127.0.0.1:8082}
name="bench_$(date +%s)"
template=$(curl -fsS -X POST "$C/api/v1/templates" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\",\"language\":\"en_US\",\"category\":\"utility\",\"body\":\"Your order has shipped.\"}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
campaign=$(curl -fsS -X POST "$C/api/v1/campaigns" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\",\"audience\":{\"filter\":{}},\"variants\":[{\"key\":\"A\",\"templateId\":\"$template\",\"weight\":1}],\"scheduledAt\":\"2099-01-01T00:00:00Z\"}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "campaign $campaign (scheduled far ahead, so the dispatcher leaves it alone)"
t0=$(date +%s.%N)
curl -fsS -X POST "$C/api/v1/campaigns/$campaign/launch" >/dev/null
while true; do
  view=$(curl -fsS "$C/api/v1/campaigns/$campaign")
  if grep -q '"audienceResolved":true' <<<"$view"; then break; fi
  sleep 1
done
t1=$(date +%s.%N)
queued=$(grep -o '"queued":[0-9]*' <<<"$view" | head -1 | cut -d: -f2)
echo "sends queued: $queued in $(echo "$t1 - $t0" | bc) s ($(echo "$queued / ($t1 - $t0)" | bc) sends/s)"
curl -fsS -X POST "$C/api/v1/campaigns/$campaign/cancel" >/dev/null && echo "cancelled"
