-- The language a partner contact is written to in (en, sv, nl or ro), and whether they want the venue's event notices.
alter table partner_contact add column language varchar(2) not null default 'en'
    check (language in ('en', 'sv', 'nl', 'ro'));
alter table partner_contact add column notices_subscribed boolean not null default false;
