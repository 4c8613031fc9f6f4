-- A message an event's organizer writes to its attendees (a change of entrance, what to bring): kept as written, with
-- who sent it, to whom (confirmed, waiting list, or both) and how many it went to; each attendee's copy is a delivery
-- of kind MESSAGE whose fact names the message, sent by the delivery machinery.
create table attendee_message (
    id          uuid primary key,
    event_id    uuid         not null references event_digest (event_id),
    subject     varchar(150) not null,
    body_text   text         not null,
    audience    varchar(20)  not null check (audience in ('CONFIRMED', 'WAITLISTED', 'REGISTERED')),
    sent_by     varchar(254) not null,
    sent_at     timestamptz  not null,
    recipients  integer      not null
);
create index attendee_message_of_event on attendee_message (event_id, sent_at desc, id desc);
-- How far a message's copies went out, counted per message without walking the event's other mail.
create index delivery_message_copies on delivery (mail_fact, status) where mail_kind = 'MESSAGE';
