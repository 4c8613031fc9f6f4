-- Per event, what every other service has announced; briefings are assembled from it.
create table event_digest (
    event_id                 uuid primary key,
    title                    varchar(200),
    starts_at                timestamptz,
    ends_at                  timestamptz,
    time_zone                varchar(64),
    confirmed                integer     not null default 0,
    waitlisted               integer     not null default 0,
    checked_in               integer     not null default 0,
    no_shows                 integer     not null default 0,
    headcount_sequence       bigint      not null default -1,
    budget_status            varchar(20),
    venue_ready              boolean,
    venue_readiness_reason   varchar(1000),
    updated_at               timestamptz not null
);

create table briefing (
    id       uuid primary key,
    event_id uuid        not null references event_digest (event_id),
    kind     varchar(20) not null check (kind in ('PRE_EVENT', 'POST_EVENT')),
    due_at   timestamptz not null,
    status   varchar(20) not null check (status in ('SCHEDULED')),
    unique (event_id, kind, due_at)
);
