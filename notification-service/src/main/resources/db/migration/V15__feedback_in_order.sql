-- An event's feedback is read oldest first a page at a time, each page after the last entry of the one before:
-- this index holds the whole order (time received, then id), so a page walks it and stops.
create index if not exists feedback_event_in_order on feedback (event_id, received_at, id);
drop index if exists feedback_event;
