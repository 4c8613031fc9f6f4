-- Events that existed before ownership (given an owner by V5) are announced once more, now with their access, so
-- that budget, venue and notification learn their organisation and owner: a registration.event-updated.v1 per
-- event, through the outbox like every other announcement. Its payload is the EventUpdated record as JSON.
insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, event_version, payload,
                          occurred_at)
select gen_random_uuid(), 'registration.events', 'event', e.id::text, 'registration.event-updated.v1', 1,
       jsonb_build_object(
           'eventId', e.id,
           'title', e.title,
           'startsAt', to_char(e.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'endsAt', to_char(e.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'timeZone', e.time_zone,
           'capacity', least(e.capacity, coalesce(e.room_safe_occupancy, e.capacity)),
           'status', e.status,
           'venueId', e.venue_id,
           'roomId', e.room_id,
           'access', jsonb_build_object(
               'organisation', a.organisation,
               'owner', a.owner,
               'confidential', a.confidential,
               'coOrganizers', a.co_organizers,
               'delegates', a.delegates)),
       now()
from event e
join event_access a on a.event_id = e.id
order by e.created_at, e.id;
