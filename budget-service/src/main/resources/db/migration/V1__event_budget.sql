-- One budget per event, created as a draft when the event is scheduled; headcount kept from registration events.
create table event_budget (
    event_id           uuid primary key,
    title              varchar(200),
    starts_at          timestamptz,
    ends_at            timestamptz,
    time_zone          varchar(64),
    status             varchar(20) not null default 'DRAFT' check (status in ('DRAFT')),
    capacity           integer     not null default 0,
    confirmed          integer     not null default 0,
    waitlisted         integer     not null default 0,
    checked_in         integer     not null default 0,
    no_shows           integer     not null default 0,
    headcount_sequence bigint      not null default -1,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
