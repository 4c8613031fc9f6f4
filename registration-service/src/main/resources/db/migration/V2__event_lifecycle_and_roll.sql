alter table event
    add column status                   varchar(20) not null default 'PUBLISHED'
        check (status in ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    add column registration_opens_at    timestamptz,
    add column registration_closes_at   timestamptz,
    add column cancellation_deadline    timestamptz,
    add column late_cancellation_policy varchar(20) not null default 'ACCEPT_LATE'
        check (late_cancellation_policy in ('REFUSE', 'ACCEPT_LATE')),
    add column venue_id                 varchar(100),
    add column room_id                  varchar(100),
    add column room_safe_occupancy      integer check (room_safe_occupancy >= 0),
    add column late_cancellation_count  integer not null default 0 check (late_cancellation_count >= 0),
    add column cancelled_at             timestamptz,
    add column attendance_closed_at     timestamptz,
    add constraint event_registration_window check (registration_closes_at is null or registration_opens_at is null
        or registration_closes_at > registration_opens_at);

alter table registration
    add column seq               bigserial,
    add column organisation      varchar(200),
    add column late_cancellation boolean not null default false,
    add column checked_in_at     timestamptz,
    add column no_show           boolean not null default false,
    add column group_id          uuid,
    add constraint registration_check_in_needs_seat check (checked_in_at is null or status = 'CONFIRMED'),
    add constraint registration_no_show_not_checked_in check (not (no_show and checked_in_at is not null));

-- The roll is read in registration order, page by page (keyset on seq).
create unique index registration_roll on registration (event_id, seq);
