-- A venue, or one room of it, closed for a period (works, a strike, a public holiday, a failed inspection). A
-- closure is withdrawn (the venue reopens), never deleted. Bookings overlapping an active closure of their room or
-- their whole venue are refused; the race between a booking and a closure is settled by the venue row's lock.
alter table room add constraint room_of_venue unique (id, venue_id);

create table venue_closure (
    id            uuid          primary key,
    organisation  varchar(100)  not null,
    venue_id      uuid          not null,
    -- Null: the whole venue closes.
    room_id       uuid,
    starts_at     timestamptz   not null,
    ends_at       timestamptz   not null,
    reason        varchar(500)  not null check (length(btrim(reason)) > 0),
    status        varchar(20)   not null check (status in ('ACTIVE', 'WITHDRAWN')),
    closed_by     varchar(200)  not null,
    closed_at     timestamptz   not null,
    withdrawn_by  varchar(200),
    withdrawn_at  timestamptz,
    constraint venue_closure_in_order check (starts_at < ends_at),
    constraint venue_closure_withdrawn check ((status = 'WITHDRAWN') = (withdrawn_at is not null)),
    constraint venue_closure_venue_organisation
        foreign key (venue_id, organisation) references venue (id, organisation),
    -- A closed room is a room of the closed venue.
    constraint venue_closure_room_of_venue foreign key (room_id, venue_id) references room (id, venue_id)
);
create index venue_closure_active on venue_closure (venue_id, ends_at) where status = 'ACTIVE';
