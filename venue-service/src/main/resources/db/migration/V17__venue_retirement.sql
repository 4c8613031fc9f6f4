-- A venue the organisation no longer uses is retired with its rooms: no longer listed or bookable; the rows stay for
-- the bookings, checklists and closures that refer to them, and its name in its city may be given to another venue.
alter table venue add column retired_at timestamptz;
alter table venue drop constraint venue_name_unique;
create unique index venue_name_unique on venue (organisation, name, city) where retired_at is null;
