-- The journal also exports as a SIE 4 file.
alter table export_job drop constraint export_job_format_check;
alter table export_job add constraint export_job_format_check check (format in ('CSV', 'JSON', 'SIE4'));
-- A job that exports only what is new holds the ledger entries after this id (the organisation's exported-up-to
-- marker when the job was requested); 0 exports the whole period.
alter table export_job add column after_ledger_id bigint not null default 0 check (after_ledger_id >= 0);

-- How far an organisation's journal was exported: entries with a ledger id up to this one were handed to finance.
-- It only moves forward.
create table journal_export_marker (
    organisation   varchar(100) primary key check (organisation ~ '\S'),
    upto_ledger_id bigint       not null check (upto_ledger_id >= 0),
    set_at         timestamptz  not null,
    set_by         varchar(200) not null
);

-- A withdrawn line stays (with its ledger entries) but no longer counts in the budget's totals.
alter table line_item
    add column withdrawn_at      timestamptz,
    add column withdrawn_by      varchar(200),
    add column withdrawal_reason varchar(500),
    add constraint line_item_withdrawal_check
        check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdrawal_reason is null));

-- An organisation's departments as a tree: a department without parent is at the top, under the company. A parent
-- named is a department of the same organisation; cycles are refused by the service under the organisation's lock.
create table department (
    organisation varchar(100) not null check (organisation ~ '\S'),
    name         varchar(100) not null check (name ~ '\S'),
    parent       varchar(100),
    set_at       timestamptz  not null,
    set_by       varchar(200) not null,
    primary key (organisation, name),
    foreign key (organisation, parent) references department (organisation, name),
    check (parent is null or parent <> name)
);
create index department_parent on department (organisation, parent);
