-- A confirmation carries the attendee's ticket code: written in its text and sent with it as a QR code image. Blanked
-- with the rest of the mail when the attendee is erased.
alter table delivery add column ticket_code varchar(32);
