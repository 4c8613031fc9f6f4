-- A registration's travel and accommodation: when the attendee arrives and leaves, how they travel, the hotel nights
-- and what they need. One row per registration, given by the attendee or the event's organizers.
create table travel_arrangement (
    registration_id     uuid primary key references registration (id),
    event_id            uuid         not null references event (id),
    arrival_at          timestamptz,
    departure_at        timestamptz,
    travel_mode         varchar(10)  check (travel_mode in ('AIR', 'RAIL', 'CAR', 'COACH', 'OTHER', 'NONE')),
    hotel_check_in      date,
    hotel_check_out     date,
    accessibility_needs varchar(500),
    dietary_needs       jsonb        not null default '[]',
    dietary_note        varchar(200),
    updated_at          timestamptz  not null,
    updated_by          varchar(254) not null,
    constraint travel_arrangement_departs_after_arrival
        check (arrival_at is null or departure_at is null or departure_at > arrival_at),
    constraint travel_arrangement_hotel_dates
        check ((hotel_check_in is null) = (hotel_check_out is null) and hotel_check_out > hotel_check_in)
);
create index travel_arrangement_event on travel_arrangement (event_id);

-- The figures last announced per event (registration.travel-needs-changed.v1): a change announces only when the
-- figures moved, each time with the next sequence. Written under the event's row lock.
create table travel_needs_announcement (
    event_id     uuid primary key references event (id),
    sequence     bigint      not null check (sequence >= 1),
    figures      text        not null,
    announced_at timestamptz not null
);
