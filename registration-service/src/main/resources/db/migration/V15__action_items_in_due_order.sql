-- The action items list reads an organisation's items a page at a time by due date, then id: this index walks them
-- in that order from where the previous page ended (the owner and series indexes serve those filters).
create index action_item_in_due_order on action_item (organisation, due_date, id);
