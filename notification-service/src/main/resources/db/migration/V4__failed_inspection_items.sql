-- Every item a venue inspection found failed, as venue-service announced it: the "failed inspections" of the next
-- briefings. One row per failed item; the inspection's facts are repeated on each of its items.
create table failed_inspection_item (
    inspection_id  uuid          not null,
    item_id        uuid          not null,
    event_id       uuid          not null references event_digest (event_id),
    checklist_id   uuid          not null,
    checklist_name varchar(200)  not null,
    category       varchar(30)   not null,
    inspector      varchar(200),
    inspected_at   timestamptz   not null,
    -- The item's place in the announcement (checklist order).
    position       integer       not null check (position >= 0),
    description    varchar(500)  not null,
    mandatory      boolean       not null,
    note           varchar(1000),
    action_owner   varchar(200),
    action_due_at  timestamptz,
    primary key (inspection_id, item_id)
);
create index failed_inspection_item_event on failed_inspection_item (event_id, inspected_at);
