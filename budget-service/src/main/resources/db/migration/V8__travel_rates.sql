-- The rates an event's travel and accommodation lines are priced at, set by its organizers or finance: a nightly
-- hotel rate (per room night) and a rate per traveller for each travel mode (NONE costs nothing).
create table travel_rates (
    event_id                 uuid primary key references event_budget (event_id),
    currency                 char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    nightly_rate             numeric(19, 4) not null check (nightly_rate >= 0),
    air_rate                 numeric(19, 4) not null default 0 check (air_rate >= 0),
    rail_rate                numeric(19, 4) not null default 0 check (rail_rate >= 0),
    car_rate                 numeric(19, 4) not null default 0 check (car_rate >= 0),
    coach_rate               numeric(19, 4) not null default 0 check (coach_rate >= 0),
    other_rate               numeric(19, 4) not null default 0 check (other_rate >= 0),
    accommodation_gl_account varchar(20)    not null,
    travel_gl_account        varchar(20)    not null,
    updated_at               timestamptz    not null,
    updated_by               varchar(254)   not null
);

-- The travel figures registration-service announced last (registration.travel-needs-changed.v1). Only a higher
-- sequence replaces them, so a late or replayed announcement changes nothing.
create table travel_needs (
    event_id           uuid primary key references event_budget (event_id),
    sequence           bigint      not null check (sequence >= 1),
    room_nights        integer     not null check (room_nights >= 0),
    travellers_by_mode jsonb       not null default '{}',
    received_at        timestamptz not null
);
