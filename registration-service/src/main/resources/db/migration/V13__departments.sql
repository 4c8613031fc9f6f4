-- The department an event or meeting series belongs to (e.g. "Finance", "Sales"), for the corporate schedule by
-- department; occurrences of a series take the series' department.
alter table event add column department varchar(100) check (department ~ '\S');
alter table meeting_series add column department varchar(100) check (department ~ '\S');
create index event_by_department on event (lower(department), starts_at) where department is not null;
