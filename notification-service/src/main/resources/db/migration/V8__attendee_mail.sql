-- Mail to attendees travels as deliveries (claimed, sent outside any transaction, retried, logged): a delivery is
-- addressed either to a recipient of a distribution list or to an attendee's registration, and may carry an
-- iCalendar invitation. One mail per registration, kind and fact, whatever the redeliveries.
alter table delivery drop constraint delivery_purpose_check;
alter table delivery add constraint delivery_purpose_check
    check (purpose in ('BRIEFING', 'REMINDER', 'ALERT', 'ATTENDEE'));
alter table delivery drop constraint delivery_check1;
alter table delivery add constraint delivery_briefing_or_not
    check ((purpose in ('ALERT', 'ATTENDEE')) = (briefing_id is null));
alter table delivery alter column recipient_id drop not null;
alter table delivery
    add column registration_id uuid,
    add column mail_kind       varchar(20),
    add column mail_fact       varchar(120),
    add column calendar        text,
    add constraint delivery_addressee check ((purpose = 'ATTENDEE') = (recipient_id is null)),
    add constraint delivery_attendee_mail
        check ((purpose = 'ATTENDEE') = (registration_id is not null and mail_kind is not null and mail_fact is not null));
create unique index delivery_attendee_mail_once on delivery (registration_id, mail_kind, mail_fact)
    where registration_id is not null;

-- The attendee's language (as registration announced it) and whether they stopped reminders.
alter table event_registration
    add column language                   varchar(2) check (language in ('en', 'sv', 'nl', 'ro')),
    add column reminders_unsubscribed_at  timestamptz;

-- Per event: its language, how long before the start attendees are reminded (the organizer's choice), and the
-- invitation's SEQUENCE, raised each time the event moves or is cancelled.
create table attendee_event (
    event_id           uuid primary key references event_digest (event_id),
    language           varchar(2)  not null default 'en' check (language in ('en', 'sv', 'nl', 'ro')),
    reminder_before    varchar(40) not null default 'PT24H',
    calendar_sequence  integer     not null default 0,
    starts_at          timestamptz,
    ends_at            timestamptz
);

-- Personal links to stop reminders: only the SHA-256 of the token is kept.
create table reminder_unsubscribe_link (
    token_hash      varchar(64) primary key,
    registration_id uuid        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null
);
create index reminder_unsubscribe_link_registration on reminder_unsubscribe_link (registration_id);
