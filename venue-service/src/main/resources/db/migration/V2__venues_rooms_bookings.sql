-- Lets one GiST index combine "same room" (=) with "time ranges overlap" (&&).
create extension if not exists btree_gist;

create table venue (
    id           uuid primary key,
    name         varchar(200) not null,
    street       varchar(200) not null,
    postal_code  varchar(20),
    city         varchar(100) not null,
    country      char(2)      not null check (country ~ '^[A-Z]{2}$'),
    created_at   timestamptz  not null,
    constraint venue_name_unique unique (name, city)
);

-- Partners of the venue (caterer, AV, cleaning, security...); the facility coordinator is their contact point.
create table partner_contact (
    id         uuid primary key,
    venue_id   uuid         not null references venue (id),
    name       varchar(200) not null,
    role       varchar(100) not null,
    email      varchar(254) not null,
    phone      varchar(40),
    constraint partner_contact_email_unique unique (venue_id, email)
);

create table room (
    id                      uuid primary key,
    venue_id                uuid         not null references venue (id),
    name                    varchar(200) not null,
    seated_capacity         integer      not null check (seated_capacity >= 0),
    standing_capacity       integer      not null check (standing_capacity >= 0),
    -- From the fire-safety assessment: never more than the room physically holds.
    safe_occupancy          integer      not null check (safe_occupancy > 0),
    accessibility_features  text[]       not null default '{}',
    equipment               text[]       not null default '{}',
    constraint room_name_unique unique (venue_id, name),
    constraint room_safe_occupancy_within_capacity
        check (safe_occupancy <= greatest(seated_capacity, standing_capacity))
);

create table booking (
    id                uuid primary key,
    room_id           uuid          not null references room (id),
    event_id          uuid          not null,
    starts_at         timestamptz   not null,
    ends_at           timestamptz   not null,
    -- The room is occupied from setup to teardown, not only while the event runs.
    setup_starts_at   timestamptz   not null,
    teardown_ends_at  timestamptz   not null,
    price_amount      numeric(14, 3),
    price_currency    char(3),
    status            varchar(20)   not null check (status in ('CONFIRMED', 'CANCELLED')),
    booked_by         varchar(200)  not null,
    booked_at         timestamptz   not null,
    cancelled_at      timestamptz,
    cancellation_reason varchar(500),
    constraint booking_times_in_order
        check (setup_starts_at <= starts_at and starts_at < ends_at and ends_at <= teardown_ends_at),
    constraint booking_price_complete check ((price_amount is null) = (price_currency is null)),
    constraint booking_price_not_negative check (price_amount >= 0),
    -- Two confirmed bookings of one room never overlap, whatever the concurrency.
    constraint booking_no_overlap exclude using gist (
        room_id with =,
        tstzrange(setup_starts_at, teardown_ends_at, '[)') with &&
    ) where (status = 'CONFIRMED')
);
-- An event holds at most one confirmed room: its safe occupancy is the event's.
create unique index booking_one_per_event on booking (event_id) where status = 'CONFIRMED';
create index booking_room on booking (room_id);

-- Whether more people are expected than the booked room safely holds, as last announced.
alter table event_readiness add column safety_at_risk boolean not null default false;
