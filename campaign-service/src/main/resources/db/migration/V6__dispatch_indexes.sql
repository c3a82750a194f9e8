-- Due sends are claimed per sending campaign, so the queues of paused or cancelled campaigns are never walked.
DROP INDEX sends_due_idx;
CREATE INDEX sends_due_idx ON sends (campaign_id, next_attempt_at) WHERE status IN ('queued', 'deferred');
-- Reconciling an interrupted send looks its receipts up by the send id echoed back by the provider.
CREATE INDEX receipts_callback_idx ON receipts (callback_data) WHERE callback_data IS NOT NULL;
-- A cancelled campaign's sends that never went out leave the queue.
UPDATE sends s SET status = 'cancelled', next_attempt_at = NULL FROM campaigns c
 WHERE c.id = s.campaign_id AND c.status = 'cancelled' AND s.status IN ('queued', 'deferred');
