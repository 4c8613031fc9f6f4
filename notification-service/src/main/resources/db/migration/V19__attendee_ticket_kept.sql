-- The ticket each registration holds now, kept with it so a reminder can carry it again. Taken from what the
-- registration's latest confirmation, promotion or change announced; blanked when the attendee is erased. A
-- registration confirmed before this was kept is given the ticket its latest mail carried.
alter table event_registration add column ticket_code varchar(32);

update event_registration g
set ticket_code = (select d.ticket_code from delivery d
                   where d.registration_id = g.registration_id and d.ticket_code is not null
                   order by d.created_at desc limit 1)
where g.attendee_email not like 'erased-%@erased.invalid';
