create table event (
    id                 uuid primary key,
    title              varchar(200) not null,
    description        varchar(4000),
    starts_at          timestamptz  not null,
    ends_at            timestamptz  not null,
    time_zone          varchar(64)  not null,
    capacity           integer      not null check (capacity >= 0),
    confirmed_count    integer      not null default 0 check (confirmed_count >= 0),
    waitlisted_count   integer      not null default 0 check (waitlisted_count >= 0),
    checked_in_count   integer      not null default 0 check (checked_in_count >= 0),
    no_show_count      integer      not null default 0 check (no_show_count >= 0),
    waitlist_counter   bigint       not null default 0,
    headcount_sequence bigint       not null default 0,
    created_at         timestamptz  not null,
    constraint event_ends_after_start check (ends_at > starts_at)
);

create table registration (
    id             uuid primary key,
    event_id       uuid         not null references event (id),
    attendee_email varchar(254) not null,
    attendee_name  varchar(200) not null,
    status         varchar(20)  not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_rank  bigint,
    registered_at  timestamptz  not null,
    promoted_at    timestamptz,
    cancelled_at   timestamptz,
    constraint registration_waitlist_rank check ((status = 'WAITLISTED') = (waitlist_rank is not null))
);
-- One active registration per person and event, whatever the concurrency.
create unique index registration_one_active_per_attendee
    on registration (event_id, lower(attendee_email)) where status <> 'CANCELLED';
create unique index registration_waitlist_order on registration (event_id, waitlist_rank) where status = 'WAITLISTED';
create index registration_by_event on registration (event_id, registered_at, id);
