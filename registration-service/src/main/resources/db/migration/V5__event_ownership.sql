-- Ownership and access of every event live in the shared event_access table (db/backbone V0_3), the copy every
-- service keeps; registration-service is its source of truth and writes it with each change of an event.
-- Events that existed before ownership did get the local stack's default organisation and organizer as owner,
-- not confidential, with nobody else on them. V6 announces them so that the other services learn their access.
insert into event_access (event_id, organisation, owner, confidential, co_organizers, delegates, members, updated_at)
select id, 'acme', 'organizer@example.com', false, '[]', '[]', array['organizer@example.com'], now()
from event
on conflict (event_id) do nothing;

-- GET /api/events pages on (starts_at, id); GET /api/me/registrations on the attendee's registrations, newest first.
create index event_by_start on event (starts_at, id);
create index registration_by_attendee_newest on registration (lower(attendee_email), seq);
