-- A budget's figures are kept as budget-service announces them: numeric(14, 2) refused a forecast of 10^12 or more
-- (the announcement was set aside as a dead letter and the go/no-go gate kept the old figures) and rounded the third
-- decimal of a dinar away. Like budget_category_figure, these columns now take any amount at its own scale.
alter table event_digest
    alter column forecast_total type numeric,
    alter column estimate_total type numeric,
    alter column committed_total type numeric,
    alter column actual_total type numeric,
    alter column forecast_cost_per_attendee type numeric,
    alter column approved_total type numeric;
