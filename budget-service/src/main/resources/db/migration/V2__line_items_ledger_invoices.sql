-- Budget settings, approval workflow and threshold tracking.
alter table event_budget drop constraint event_budget_status_check;
alter table event_budget
    add column currency            char(3)       not null default 'EUR' check (currency ~ '^[A-Z]{3}$'),
    add column department          varchar(100),
    add column cost_centre         varchar(50),
    add column show_up_rate        numeric(5, 4) not null default 1 check (show_up_rate > 0 and show_up_rate <= 1),
    add column tolerance_percent   numeric(5, 2) not null default 5 check (tolerance_percent >= 0 and tolerance_percent <= 100),
    add column headcount_basis     numeric(14, 4) not null default 0 check (headcount_basis >= 0),
    add column basis_source        varchar(20)   not null default 'CONFIRMED'
        check (basis_source in ('CONFIRMED', 'EXPECTED_SHOW_UP', 'CHECKED_IN')),
    add column revision            integer       not null default 1 check (revision >= 1),
    add column baseline_revision   integer,
    add column approved_total      numeric(19, 4) check (approved_total >= 0),
    add column submitted_by        varchar(200),
    add column submitted_at        timestamptz,
    add column decided_by          varchar(200),
    add column decided_at          timestamptz,
    add column rejection_reason    varchar(1000),
    add column threshold_state     varchar(20)   not null default 'NONE'
        check (threshold_state in ('NONE', 'WITHIN', 'ABOVE_APPROVED', 'ABOVE_TOLERANCE')),
    add column forecast_total      numeric(19, 4) not null default 0,
    add column announcement_sequence bigint      not null default 0,
    add constraint event_budget_status_check
        check (status in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'REAPPROVAL_REQUIRED')),
    -- an approved budget (or one that needs approval again) always has its baseline
    add constraint event_budget_baseline_check
        check (status not in ('APPROVED', 'REAPPROVAL_REQUIRED') or (approved_total is not null and baseline_revision is not null));

-- Cost lines of a budget. Amounts are in the line's currency; a commitment locks the rate into the budget currency.
create table line_item (
    id               uuid primary key,
    event_id         uuid           not null references event_budget (event_id),
    category         varchar(20)    not null check (category in ('VENUE', 'CATERING', 'AV', 'TRAVEL', 'ACCOMMODATION',
                                                                 'INSURANCE', 'MARKETING', 'STAFF', 'OTHER')),
    description      varchar(500)   not null,
    vendor           varchar(200),
    kind             varchar(20)    not null check (kind in ('FIXED', 'PER_ATTENDEE')),
    currency         char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    unit_amount      numeric(19, 4) not null check (unit_amount >= 0),
    gl_account       varchar(20)    not null,
    cost_centre      varchar(50),
    po_number        varchar(50),
    committed_amount numeric(19, 4) check (committed_amount >= 0),
    locked_rate      numeric(20, 10) check (locked_rate > 0),
    committed_at     timestamptz,
    actual_amount    numeric(19, 4) not null default 0 check (actual_amount >= 0),
    external_ref     varchar(200),
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    -- a commitment is a purchase order, an amount and a locked rate together, or none of them
    check ((committed_amount is null) = (locked_rate is null) and (committed_amount is null) = (po_number is null)
           and (committed_amount is null) = (committed_at is null)),
    -- invoices are recorded only against a committed line
    check (actual_amount = 0 or committed_amount is not null),
    unique (event_id, external_ref)
);
create index line_item_event on line_item (event_id);

-- Rates given through the API: one unit of base_currency is worth rate units of quote_currency.
create table exchange_rate (
    base_currency  char(3)         not null check (base_currency ~ '^[A-Z]{3}$'),
    quote_currency char(3)         not null check (quote_currency ~ '^[A-Z]{3}$'),
    rate           numeric(20, 10) not null check (rate > 0),
    set_at         timestamptz     not null,
    set_by         varchar(200)    not null,
    primary key (base_currency, quote_currency),
    check (base_currency <> quote_currency)
);

-- Vendor invoices, once per vendor and invoice number.
create table invoice (
    id             uuid primary key,
    vendor_key     varchar(200)   not null,
    vendor         varchar(200)   not null,
    invoice_number varchar(100)   not null,
    event_id       uuid           not null references event_budget (event_id),
    line_id        uuid           not null references line_item (id),
    amount         numeric(19, 4) not null check (amount > 0),
    currency       char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    issued_on      date           not null,
    received_at    timestamptz    not null,
    received_by    varchar(200)   not null,
    unique (vendor_key, invoice_number)
);

-- Every monetary change, append-only: the trigger below refuses updates and deletes.
create table ledger_entry (
    id              bigserial primary key,
    entry_id        uuid            not null unique,
    event_id        uuid            not null references event_budget (event_id),
    line_id         uuid            not null references line_item (id),
    kind            varchar(20)     not null check (kind in ('ESTIMATE', 'COMMITMENT', 'ACTUAL')),
    amount          numeric(19, 4)  not null,
    currency        char(3)         not null,
    rate            numeric(20, 10) not null check (rate > 0),
    budget_amount   numeric(19, 4)  not null,
    budget_currency char(3)         not null,
    gl_account      varchar(20)     not null,
    cost_centre     varchar(50),
    po_number       varchar(50),
    vendor          varchar(200),
    invoice_id      uuid references invoice (id),
    description     varchar(500)    not null,
    occurred_at     timestamptz     not null,
    recorded_by     varchar(200)    not null
);
create index ledger_entry_period on ledger_entry (occurred_at, id);
create index ledger_entry_line on ledger_entry (line_id);

create function ledger_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger entries are append-only: % refused', tg_op;
end;
$$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_entry_is_append_only();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_is_append_only();
