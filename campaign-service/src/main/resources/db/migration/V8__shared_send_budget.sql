-- The provider's rate (messages per second per sender number) is one budget shared by every replica: each dispatch
-- tick takes its sends from the current second's row, so two replicas together still send at the configured rate.
CREATE TABLE send_budget (
    id             int PRIMARY KEY,
    window_second  bigint NOT NULL,
    used           int NOT NULL
);
INSERT INTO send_budget (id, window_second, used) VALUES (1, 0, 0);
