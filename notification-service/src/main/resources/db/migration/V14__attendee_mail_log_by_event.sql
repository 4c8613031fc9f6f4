-- The attendee mail log of an event is read newest first, a page at a time: this index walks one event's attendee
-- mail in that order and stops at the page's end, instead of reading every delivery of every event. (Built in the
-- migration's transaction: Flyway's lock is held in a transaction, which an index built concurrently would wait on.)
create index if not exists delivery_attendee_mail_of_event
    on delivery (event_id, created_at desc, id desc) where purpose = 'ATTENDEE';
