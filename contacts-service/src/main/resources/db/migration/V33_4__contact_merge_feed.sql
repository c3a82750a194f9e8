-- Merges as a feed other services follow (GET /api/v1/contact-merges): campaign-service and metrics-service keep
-- facts under contact ids, and re-point the absorbed contact's to the survivor. merged_at is when the merge was
-- made, apart from updated_at, which a later write to the retired row could move.
ALTER TABLE contacts ADD COLUMN merged_at timestamptz;
UPDATE contacts SET merged_at = updated_at WHERE merged_into IS NOT NULL;
CREATE INDEX contacts_merged_idx ON contacts (merged_at, id) WHERE merged_into IS NOT NULL;
