-- Each registration holds a ticket code: what the attendee shows at the door (as a QR code) and the door scans to
-- check them in. 32 hexadecimal digits of a random UUID (122 random bits); a transferred place or a new address gets
-- a new one, so an earlier ticket no longer admits anyone. Existing registrations are given theirs here.
alter table registration add column ticket_code varchar(32) not null
    default upper(replace(gen_random_uuid()::text, '-', ''));
create unique index registration_ticket_code on registration (ticket_code);
