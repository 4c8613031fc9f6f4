-- A room the organisation no longer uses is retired: no longer listed with its venue or bookable; the row stays for
-- the bookings and checklists that refer to it, and its name may be given to another room of the venue.
alter table room add column retired_at timestamptz;
alter table room drop constraint room_name_unique;
create unique index room_name_unique on room (venue_id, name) where retired_at is null;
