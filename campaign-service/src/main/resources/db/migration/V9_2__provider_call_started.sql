-- When the dispatcher started the provider call of a send's current attempt (NULL: not yet). After a crash only the
-- sends whose call had started can be in doubt; a claimed send that never reached the provider is queued again.
ALTER TABLE sends ADD COLUMN provider_call_at timestamptz;
