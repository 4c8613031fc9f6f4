-- Attendee mail reads registration's announcements in a consumer group of its own (notification-service.attendee-mail),
-- so that writing attendees' mail never holds up the read model. It therefore keeps the event's terms itself.
alter table attendee_event
    add column title     varchar(200),
    add column time_zone varchar(64),
    add column cancelled boolean not null default false;

insert into attendee_event (event_id) select event_id from event_digest on conflict (event_id) do nothing;

update attendee_event a
set title     = d.title,
    time_zone = d.time_zone,
    cancelled = coalesce(d.event_status = 'CANCELLED', false),
    starts_at = coalesce(a.starts_at, d.starts_at),
    ends_at   = coalesce(a.ends_at, d.ends_at)
from event_digest d
where d.event_id = a.event_id;

-- What the read model's consumer handled before the split counts as handled by attendee mail too: its new consumer
-- group starts from the oldest record kept, and skips those.
insert into inbox_event (consumer, event_id, event_type, received_at)
select 'notification-service.attendee-mail', event_id, event_type, received_at
from inbox_event
where consumer = 'notification-service' and event_type like 'registration.%'
on conflict do nothing;
