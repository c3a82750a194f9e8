-- metrics-service pulls every interaction incrementally by (created_at, id); interactions are never changed.
CREATE INDEX interactions_created_idx ON interactions (created_at, id);
