-- A budget's totals are summed by the database (one aggregate over the lines) instead of by reading every line
-- into the service; its lines are read a page at a time.

-- Money rounded as the service rounds it: half-even to the currency's minor unit (java.math.RoundingMode.HALF_EVEN),
-- where round() rounds half away from zero. unit is that minor unit (0.01 for 2 places, 1 for 0), given by the caller
-- so that no power is computed per row. A single expression, so the planner inlines it into the query calling it.
create function round_half_even(amount numeric, places integer, unit numeric) returns numeric
    language sql immutable parallel safe
as $$
select case
           when abs(amount - trunc(amount, places)) * 2 = unit and mod(trunc(amount, places), unit * 2) = 0
               then trunc(amount, places)
           else round(amount, places)
       end
$$;

-- The lines that count, in the order they were added: the budget's pages of lines read this.
create index line_item_budget_order on line_item (event_id, created_at, id) where withdrawn_at is null;
