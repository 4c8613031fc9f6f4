-- A room's bookings and a venue's issue log are read a page at a time, each in its order: these indexes let a page
-- walk its rows in that order and stop at the page's end. The room's index replaces the one on room_id alone.
create index booking_of_room_in_order on booking (room_id, setup_starts_at, id);
drop index booking_room;
create index venue_issue_in_order on venue_issue (venue_id, raised_at, id);
create index venue_issue_of_status_in_order on venue_issue (venue_id, status, raised_at, id);
drop index venue_issue_venue;
