-- A recurring meeting: an iCalendar recurrence rule from a first local start, in a time zone. Its occurrences are
-- ordinary events (event.series_id), one per date the rule gives, materialised up to a horizon ahead.
create table meeting_series (
    id               uuid primary key,
    organisation     varchar(100)  not null,
    owner            varchar(254)  not null,
    title            varchar(200)  not null,
    description      varchar(4000),
    first_date       date          not null,
    start_time       time          not null,
    duration_minutes integer       not null check (duration_minutes between 1 and 1440),
    time_zone        varchar(64)   not null,
    recurrence       varchar(500)  not null,
    capacity         integer       not null check (capacity >= 0),
    language         varchar(2)    not null default 'en',
    confidential     boolean       not null default false,
    location         varchar(300),
    venue_id         varchar(100),
    room_id          varchar(100),
    -- iCalendar SEQUENCE of the series: grows with every change of the series or of one of its occurrences.
    sequence         integer       not null default 0,
    -- Occurrences exist up to (and including) this date.
    materialised_to  date          not null,
    created_at       timestamptz   not null,
    changed_at       timestamptz   not null
);
create index meeting_series_by_organisation on meeting_series (organisation, first_date, id);

alter table event add column series_id uuid references meeting_series (id);
-- The date the rule gave this occurrence (its RECURRENCE-ID, at the series' start time), kept when it is moved.
alter table event add column occurrence_date date;
alter table event add constraint event_occurrence_has_date check ((series_id is null) = (occurrence_date is null));
create unique index event_one_per_occurrence on event (series_id, occurrence_date) where series_id is not null;

-- Private calendar feed links: the token is the credential (calendar applications cannot send a bearer token), so
-- only its SHA-256 is kept; a revoked link answers 404.
create table calendar_feed (
    id           uuid primary key,
    series_id    uuid         not null references meeting_series (id),
    token_sha256 varchar(64)  not null unique,
    created_by   varchar(254) not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz
);
create index calendar_feed_by_series on calendar_feed (series_id);
