-- The venues notification-service has heard of through partner facts (notices, issue updates), with the
-- organisation each belongs to: a venue's partner-mail log answers only that organisation (another's is a 404).
create table partner_venue (
    venue_id        uuid          primary key,
    organisation    varchar(100)  not null,
    first_heard_at  timestamptz   not null
);
insert into partner_venue (venue_id, organisation, first_heard_at)
select venue_id, min(organisation), min(created_at) from delivery
where purpose = 'PARTNER' and venue_id is not null
group by venue_id;
-- The log pages newest first per venue.
create index delivery_partner_mail_of_venue on delivery (venue_id, created_at desc, id desc)
    where purpose = 'PARTNER';
