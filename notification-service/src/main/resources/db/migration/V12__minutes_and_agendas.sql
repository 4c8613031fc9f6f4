-- Approved minutes go to the meeting's distribution list (purpose MINUTES, one delivery per recipient and revision)
-- and to its attendees (purpose ATTENDEE, kind MINUTES).
alter table delivery drop constraint delivery_purpose_check;
alter table delivery add constraint delivery_purpose_check
    check (purpose in ('BRIEFING', 'REMINDER', 'ALERT', 'ATTENDEE', 'PARTNER', 'MINUTES'));
alter table delivery drop constraint delivery_briefing_or_not;
alter table delivery add constraint delivery_briefing_or_not
    check ((purpose in ('ALERT', 'ATTENDEE', 'PARTNER', 'MINUTES')) = (briefing_id is null));
create unique index delivery_minutes_once on delivery (recipient_id, mail_fact) where purpose = 'MINUTES';

-- A meeting's agenda as last published (the newest version wins), for its pre-event briefing.
create table meeting_agenda (
    event_id     uuid primary key,
    version      integer     not null,
    published_at timestamptz not null,
    items        jsonb       not null,
    carried      jsonb       not null
);
