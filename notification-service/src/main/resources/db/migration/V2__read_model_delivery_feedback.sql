-- The read model grows to everything the issue lists; deliveries, acknowledgements and feedback are added.
alter table event_digest
    add column capacity                  integer,
    add column event_status              varchar(20),
    add column cancellations             integer       not null default 0,
    add column late_cancellations        integer       not null default 0,
    add column budget_revision           integer       not null default -1,
    add column budget_status_rank        integer       not null default -1,
    add column forecast_sequence         bigint        not null default -1,
    add column currency                  varchar(3),
    add column forecast_total            numeric(14, 2),
    add column estimate_total            numeric(14, 2),
    add column committed_total           numeric(14, 2),
    add column actual_total              numeric(14, 2),
    add column forecast_cost_per_attendee numeric(14, 2),
    add column approved_total            numeric(14, 2),
    add column tolerance_percent         numeric(6, 2),
    add column booking_id                uuid,
    add column venue_name                varchar(200),
    add column room_name                 varchar(200),
    add column safe_occupancy            integer,
    add column safety_at_risk            boolean       not null default false,
    add column expected_headcount        integer,
    add column pre_event_offsets         varchar(200),
    add column post_event_offset         varchar(40);

-- Every distinct reason the venue gave for not being ready: the "readiness issues met" of a post-event briefing.
create table readiness_issue (
    event_id   uuid          not null references event_digest (event_id),
    reason     varchar(1000) not null,
    first_seen timestamptz   not null,
    primary key (event_id, reason)
);

alter table briefing drop constraint briefing_status_check;
alter table briefing add constraint briefing_status_check check (status in ('SCHEDULED', 'SENT', 'CANCELLED'));
alter table briefing drop constraint briefing_event_id_kind_due_at_key;
alter table briefing
    add column on_demand boolean     not null default false,
    add column sent_at   timestamptz,
    add column requested_by varchar(254);
create unique index briefing_planned_once on briefing (event_id, kind, due_at) where not on_demand;
create index briefing_due on briefing (due_at) where status = 'SCHEDULED';

-- Who receives an event's briefings and alerts: one row per person or system in an audience.
create table recipient (
    id             uuid primary key,
    event_id       uuid         not null references event_digest (event_id),
    audience       varchar(20)  not null check (audience in ('ORGANIZERS', 'FACILITY', 'FINANCE', 'LEADS')),
    name           varchar(200) not null,
    channel        varchar(10)  not null check (channel in ('EMAIL', 'WEBHOOK')),
    address        varchar(500) not null,
    webhook_secret varchar(100),
    locale         varchar(5)   not null check (locale in ('en', 'sv', 'nl', 'ro')),
    active         boolean      not null default true,
    created_at     timestamptz  not null,
    check ((channel = 'WEBHOOK') = (webhook_secret is not null))
);
create unique index recipient_once on recipient (event_id, audience, channel, lower(address)) where active;

-- An immediate alert raised from another service's announcement.
create table alert (
    id         uuid primary key,
    event_id   uuid          not null references event_digest (event_id),
    kind       varchar(40)   not null,
    dedupe_key varchar(300)  not null,
    summary    varchar(2000) not null,
    raised_at  timestamptz   not null,
    unique (event_id, kind, dedupe_key)
);

-- One message to one recipient; retried with backoff until DELIVERED or FAILED.
create table delivery (
    id              uuid primary key,
    event_id        uuid          not null references event_digest (event_id),
    briefing_id     uuid references briefing (id),
    alert_id        uuid references alert (id),
    purpose         varchar(10)   not null check (purpose in ('BRIEFING', 'REMINDER', 'ALERT')),
    recipient_id    uuid          not null references recipient (id),
    channel         varchar(10)   not null,
    address         varchar(500)  not null,
    subject         varchar(500)  not null,
    body_text       text          not null,
    body_html       text,
    webhook_payload text,
    ack_token       varchar(64) unique,
    status          varchar(10)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    check ((purpose = 'ALERT') = (alert_id is not null)),
    check ((purpose = 'ALERT') = (briefing_id is null))
);
create index delivery_pending on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_briefing on delivery (briefing_id);

-- The delivery log: every attempt, its outcome and what the other side said.
create table delivery_attempt (
    id           bigserial primary key,
    delivery_id  uuid          not null references delivery (id),
    attempt      integer       not null,
    attempted_at timestamptz   not null,
    succeeded    boolean       not null,
    detail       varchar(1000),
    unique (delivery_id, attempt)
);

-- A recipient has read the briefing; once per recipient and briefing.
create table acknowledgement (
    briefing_id     uuid        not null references briefing (id),
    recipient_id    uuid        not null references recipient (id),
    acknowledged_at timestamptz not null,
    via             varchar(10) not null check (via in ('LINK', 'API')),
    primary key (briefing_id, recipient_id)
);

create table feedback (
    id          uuid primary key,
    event_id    uuid          not null references event_digest (event_id),
    source      varchar(10)   not null check (source in ('STAFF', 'ATTENDEE')),
    author      varchar(254)  not null,
    rating      integer       not null check (rating between 1 and 5),
    comment     varchar(2000),
    received_at timestamptz   not null
);
create index feedback_event on feedback (event_id, received_at);
