-- Who holds a registration for each event, as registration-service announced it (confirmed, waitlisted, promoted,
-- cancelled): an attendee gives feedback only on an event they hold a confirmed registration for.
create table event_registration (
    registration_id uuid         primary key,
    event_id        uuid         not null,
    attendee_email  varchar(254) not null,
    status          varchar(12)  not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    updated_at      timestamptz  not null
);
create index event_registration_attendee on event_registration (event_id, lower(attendee_email));

-- One feedback entry per author and event. Entries given before the rule existed are kept: the first of each author
-- stays their entry, any later ones are marked as repeats (still counted in briefings) and the rule skips them.
alter table feedback add column repeated boolean not null default false;
update feedback f set repeated = true
where exists (select 1 from feedback g
              where g.event_id = f.event_id and lower(g.author) = lower(f.author)
                and (g.received_at < f.received_at or (g.received_at = f.received_at and g.id < f.id)));
create unique index feedback_once_per_author on feedback (event_id, lower(author)) where not repeated;

-- Events announced before access travelled with them belong to the first organisation, acme: its staff read them
-- (not confidential) and nobody changes them until registration-service announces their owner (an event-updated
-- replaces this row).
insert into event_access (event_id, organisation, owner, confidential, members, updated_at)
select event_id, 'acme', 'unassigned', false, '{}', now() from event_digest
on conflict (event_id) do nothing;
