-- What the post-event briefing reports beyond the digest.

-- The budget's figures per category, as the newest budget.forecast-changed.v2 announced them (replaced as a whole).
create table budget_category_figure (
    event_id   uuid        not null references event_digest (event_id),
    category   varchar(40) not null,
    position   integer     not null,
    estimate   numeric     not null,
    forecast   numeric     not null,
    committed  numeric     not null,
    actual     numeric     not null,
    primary key (event_id, category)
);

-- Every venue inspection's outcome (venue.inspection-recorded.v1), passed or not.
create table inspection_outcome (
    inspection_id  uuid         primary key,
    event_id       uuid         not null references event_digest (event_id),
    checklist_id   uuid         not null,
    checklist_name varchar(200) not null,
    category       varchar(40)  not null,
    inspected_at   timestamptz  not null,
    passed         integer      not null check (passed >= 0),
    failed         integer      not null check (failed >= 0),
    not_applicable integer      not null check (not_applicable >= 0)
);
create index inspection_outcome_event on inspection_outcome (event_id, inspected_at);

-- The corrective action a failed item waits on, and the actions venue announced closed.
alter table failed_inspection_item add column action_id uuid;
create table closed_corrective_action (
    action_id uuid        primary key,
    event_id  uuid        not null references event_digest (event_id),
    closed_at timestamptz not null
);

-- The headcount over time (registration.headcount-changed.v1), one point per announcement, for the chart.
create table headcount_point (
    event_id   uuid        not null references event_digest (event_id),
    sequence   bigint      not null,
    heard_at   timestamptz not null,
    confirmed  integer     not null,
    waitlisted integer     not null,
    checked_in integer     not null,
    primary key (event_id, sequence)
);
