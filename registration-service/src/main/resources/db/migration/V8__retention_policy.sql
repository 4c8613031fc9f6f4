-- An organisation's retention policy: the registrations of its events are anonymised once the event ended this
-- many months ago. No row: kept until erased one by one.
create table retention_policy (
    organisation           varchar(100) primary key,
    anonymise_after_months integer      not null check (anonymise_after_months between 1 and 120),
    changed_by             varchar(254) not null,
    changed_at             timestamptz  not null
);

-- When the policy anonymised the event's registrations (once per event).
alter table event add column attendees_anonymised_at timestamptz;
create index event_awaiting_anonymisation on event (ends_at) where attendees_anonymised_at is null;
