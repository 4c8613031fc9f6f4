-- event_readiness is venue's copy of an event registration announced, kept as every service keeps one (the backbone's
-- EventCopy): its columns carry the same names. The headcount venue expects is the confirmed attendees, as before;
-- the rest of the announced headcount is kept alongside.
alter table event_readiness rename column expected_headcount to confirmed;
alter table event_readiness add column waitlisted integer not null default 0;
alter table event_readiness add column checked_in integer not null default 0;
alter table event_readiness add column no_shows   integer not null default 0;
