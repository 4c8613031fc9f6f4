-- Mail to a venue's partner contacts travels as deliveries too (claimed, sent outside any transaction, retried,
-- logged): addressed to a partner contact (no recipient, no registration) of an organisation, about a venue rather
-- than an event, so such a delivery may lack an event. One mail per contact, kind and fact, whatever the
-- redeliveries.
alter table delivery drop constraint delivery_purpose_check;
alter table delivery add constraint delivery_purpose_check
    check (purpose in ('BRIEFING', 'REMINDER', 'ALERT', 'ATTENDEE', 'PARTNER'));
alter table delivery drop constraint delivery_briefing_or_not;
alter table delivery add constraint delivery_briefing_or_not
    check ((purpose in ('ALERT', 'ATTENDEE', 'PARTNER')) = (briefing_id is null));
alter table delivery drop constraint delivery_addressee;
alter table delivery add constraint delivery_addressee
    check ((purpose in ('ATTENDEE', 'PARTNER')) = (recipient_id is null));
alter table delivery alter column event_id drop not null;
alter table delivery
    add column organisation       varchar(100),
    add column partner_contact_id uuid,
    add column venue_id           uuid,
    add constraint delivery_event_unless_partner check (purpose = 'PARTNER' or event_id is not null),
    add constraint delivery_partner_mail
        check ((purpose = 'PARTNER') = (partner_contact_id is not null and organisation is not null
                                        and mail_kind is not null and mail_fact is not null));
create unique index delivery_partner_mail_once on delivery (partner_contact_id, mail_kind, mail_fact)
    where partner_contact_id is not null;
create index delivery_organisation on delivery (organisation) where organisation is not null;
