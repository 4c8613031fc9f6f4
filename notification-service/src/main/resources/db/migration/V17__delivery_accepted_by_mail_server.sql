-- When the mail server accepted an e-mail, noted by its sender at once, before the batch's outcomes are recorded
-- together. A sender that dies in between leaves its claims to be taken again after their lease: those already
-- accepted are then recorded as delivered, not sent a second time.
alter table delivery add column accepted_at timestamptz;
