-- A budget's ledger is read a page at a time, oldest first: this index walks one budget's entries in order from
-- where the previous page ended, instead of the whole ledger's primary key filtered by budget.
create index ledger_entry_of_budget on ledger_entry (event_id, id);
