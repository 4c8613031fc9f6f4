-- An item's most recent corrective action is read for every checklist shown and every readiness assessment: this
-- index finds an item's actions newest first (before, only the open one had an index, and a closed one was looked
-- for through the whole table).
create index corrective_action_of_item on corrective_action (item_id, opened_at desc);
