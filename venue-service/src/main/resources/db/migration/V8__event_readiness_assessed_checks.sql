-- Each readiness check's status as last announced (venue.readiness-assessed.v1), and how many were announced.
alter table event_readiness add column assessed_checks text;
alter table event_readiness add column assessment_sequence bigint not null default 0;
