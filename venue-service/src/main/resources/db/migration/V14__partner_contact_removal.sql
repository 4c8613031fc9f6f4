-- A partner contact can be taken off a venue's list (they left the partner, the partner is no longer used): the row
-- stays for the issues they raised, and their address may be listed again.
alter table partner_contact add column removed_at timestamptz;
alter table partner_contact drop constraint partner_contact_email_unique;
create unique index partner_contact_email_unique on partner_contact (venue_id, email) where removed_at is null;
