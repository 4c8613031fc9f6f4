-- The figures of each category last announced (budget.forecast-changed.v2): a recompute that changes any of them
-- is announced even when the forecast total stays the same (e.g. an invoice below its line's estimate).
alter table event_budget add column announced_figures text;
