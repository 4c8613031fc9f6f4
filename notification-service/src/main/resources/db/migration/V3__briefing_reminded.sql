-- When the recipients who had not acknowledged were last reminded (by hand or automatically).
alter table briefing add column reminded_at timestamptz;
create index briefing_awaiting_reminder on briefing (sent_at) where status = 'SENT' and reminded_at is null;
