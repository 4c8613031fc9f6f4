-- registration-service may cancel an event; its budget, lines and ledger stay.
alter table event_budget add column event_cancelled_at timestamptz;
