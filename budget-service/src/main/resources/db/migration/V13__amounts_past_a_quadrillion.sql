-- Amounts a budget works out (a cost per attendee times a million attendees, the nights of a travel line, a line in
-- another currency at its rate, a ledger's sums) outgrow the fifteen integer digits that each amount entered may have:
-- a forecast over 10^15 failed its statement, the headcount that caused it was set aside as a dead letter and the
-- budget kept its old headcount. These columns now hold 34 integer digits, more than the largest product of what
-- the API takes (10^15 per attendee x 10^6 attendees x a rate below 10^10). Widening a numeric's precision at the
-- same scale rewrites no row.
alter table event_budget
    alter column approved_total type numeric(38, 4),
    alter column forecast_total type numeric(38, 4);
alter table line_item
    alter column unit_amount type numeric(38, 4),
    alter column committed_amount type numeric(38, 4),
    alter column actual_amount type numeric(38, 4);
alter table invoice
    alter column amount type numeric(38, 4),
    alter column line_amount type numeric(38, 4);
alter table ledger_entry
    alter column amount type numeric(38, 4),
    alter column budget_amount type numeric(38, 4);
alter table department_allowance
    alter column amount type numeric(38, 4);
