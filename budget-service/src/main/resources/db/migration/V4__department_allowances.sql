-- What a department may spend in a period (a month YYYY-MM, a quarter YYYY-Qn or a year YYYY), set by finance.
create table department_allowance (
    department varchar(100)   not null check (department ~ '\S'),
    period     varchar(7)     not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
    amount     numeric(19, 4) not null check (amount >= 0),
    currency   char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    set_at     timestamptz    not null,
    set_by     varchar(200)   not null,
    primary key (department, period)
);
-- The roll-up finds the budgets of a department whose event starts in a period.
create index event_budget_department_start on event_budget (department, starts_at);
