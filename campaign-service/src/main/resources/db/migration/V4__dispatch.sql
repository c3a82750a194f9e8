-- Dispatch bookkeeping. A send is claimed (status sending, claimed_until) and the attempt committed before the
-- provider is called; a send still 'sending' after its claim expired had an unknown outcome (a crash between the
-- call and the update) and is never sent again blindly: it is reconciled from receipts or marked failed.
ALTER TABLE sends ADD COLUMN claimed_until timestamptz;
ALTER TABLE sends ADD COLUMN error_code int;
ALTER TABLE sends ADD COLUMN sent_at timestamptz;
-- set once contacts-service has recorded the outbound message (last outbound time, weekly cap)
ALTER TABLE sends ADD COLUMN forwarded_at timestamptz;
CREATE INDEX sends_claimed_idx ON sends (claimed_until) WHERE status = 'sending';
CREATE INDEX sends_unforwarded_idx ON sends (sent_at) WHERE status = 'sent' AND forwarded_at IS NULL;
-- receipts carry biz_opaque_callback_data: the send id we gave the provider, to reconcile unknown outcomes
ALTER TABLE receipts ADD COLUMN callback_data text;
