-- A reaction is engagement, not a reply (common's MessageKind): the first reaction to a send is kept apart from its
-- first reply.
ALTER TABLE sends ADD COLUMN reacted_at timestamptz;
