create table session (
    id              uuid primary key,
    event_id        uuid         not null references event (id),
    title           varchar(200) not null,
    starts_at       timestamptz  not null,
    ends_at         timestamptz  not null,
    capacity        integer      not null check (capacity >= 0),
    confirmed_count integer      not null default 0 check (confirmed_count >= 0),
    created_at      timestamptz  not null,
    constraint session_ends_after_start check (ends_at > starts_at),
    -- Seats are taken by a conditional update; the constraint holds even if that were bypassed.
    constraint session_not_oversold check (confirmed_count <= capacity)
);
create index session_by_event on session (event_id, starts_at);

create table session_speaker (
    session_id uuid         not null references session (id),
    email      varchar(254) not null,
    name       varchar(200) not null,
    primary key (session_id, email)
);
create index session_speaker_by_email on session_speaker (lower(email));

-- A registration's session choices: SEATED holds a seat (confirmed registrations only), WAITING waits for the
-- registration's promotion, DROPPED was full when the registration was promoted or released on cancellation.
create table registration_session (
    registration_id uuid        not null references registration (id),
    session_id      uuid        not null references session (id),
    status          varchar(20) not null check (status in ('SEATED', 'WAITING', 'DROPPED')),
    primary key (registration_id, session_id)
);
create index registration_session_by_session on registration_session (session_id) where status = 'SEATED';
create index registration_by_attendee on registration (lower(attendee_email)) where status <> 'CANCELLED';
