-- Everything venue keeps belongs to one organisation (the token's 'org' claim). Venues are not shared between
-- organisations. Rows from before organisations existed belong to 'acme'.

alter table venue add column organisation varchar(100) not null default 'acme';
alter table venue alter column organisation drop default;
-- Names are unique within an organisation: another organisation's venue of the same name is none of its business.
alter table venue drop constraint venue_name_unique;
alter table venue add constraint venue_name_unique unique (organisation, name, city);
alter table venue add constraint venue_of_organisation unique (id, organisation);

-- Rooms, partner contacts and issues belong to their venue's organisation, which the foreign keys hold them to.
alter table room add column organisation varchar(100) not null default 'acme';
alter table room alter column organisation drop default;
alter table room add constraint room_venue_organisation
    foreign key (venue_id, organisation) references venue (id, organisation);
alter table room add constraint room_of_organisation unique (id, organisation);

alter table partner_contact add column organisation varchar(100) not null default 'acme';
alter table partner_contact alter column organisation drop default;
alter table partner_contact add constraint partner_contact_venue_organisation
    foreign key (venue_id, organisation) references venue (id, organisation);

alter table venue_issue add column organisation varchar(100) not null default 'acme';
alter table venue_issue alter column organisation drop default;
alter table venue_issue add constraint venue_issue_venue_organisation
    foreign key (venue_id, organisation) references venue (id, organisation);

-- A booking is of a room of its organisation (and of an event of the same organisation: checked by the service).
alter table booking add column organisation varchar(100) not null default 'acme';
alter table booking alter column organisation drop default;
alter table booking add constraint booking_room_organisation
    foreign key (room_id, organisation) references room (id, organisation);
alter table booking add constraint booking_of_organisation unique (id, organisation);

alter table checklist_template add column organisation varchar(100) not null default 'acme';
alter table checklist_template alter column organisation drop default;
alter table checklist_template drop constraint checklist_template_name_unique;
alter table checklist_template add constraint checklist_template_name_unique unique (organisation, name);
alter table checklist_template add constraint checklist_template_of_organisation unique (id, organisation);

-- A checklist instantiates a template of its booking's organisation.
alter table checklist add column organisation varchar(100) not null default 'acme';
alter table checklist alter column organisation drop default;
alter table checklist add constraint checklist_booking_organisation
    foreign key (booking_id, organisation) references booking (id, organisation);
alter table checklist add constraint checklist_template_organisation
    foreign key (template_id, organisation) references checklist_template (id, organisation);
