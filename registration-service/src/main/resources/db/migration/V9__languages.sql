-- The language an event's attendees are written in (en, sv, nl, ro), and the one an attendee chose for themself:
-- a registration keeps its attendee's language as it was when they registered (their own, else the event's).
alter table event add column language varchar(2) not null default 'en' check (language in ('en', 'sv', 'nl', 'ro'));
alter table registration add column language varchar(2) check (language in ('en', 'sv', 'nl', 'ro'));
