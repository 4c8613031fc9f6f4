-- What venue-service knows of each event, and its readiness as last announced.
create table event_readiness (
    event_id           uuid primary key,
    title              varchar(200),
    starts_at          timestamptz,
    ends_at            timestamptz,
    time_zone          varchar(64),
    expected_headcount integer     not null default 0,
    headcount_sequence bigint      not null default -1,
    ready              boolean,
    updated_at         timestamptz not null
);
