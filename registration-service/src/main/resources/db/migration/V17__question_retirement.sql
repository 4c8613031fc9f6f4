-- A question asked by mistake can be retired: no longer asked, its answers kept under its key.
alter table question add column retired_at timestamptz;
