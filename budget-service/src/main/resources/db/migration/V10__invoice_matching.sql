-- Invoices matched to a committed line by purchase order (or vendor and event), credit notes against them, and
-- invoices over the commitment beyond the tolerance held for finance's approval.
alter table invoice
    add column kind               varchar(12)    not null default 'INVOICE' check (kind in ('INVOICE', 'CREDIT_NOTE')),
    add column status             varchar(20)    not null default 'POSTED'
        check (status in ('POSTED', 'AWAITING_APPROVAL', 'REJECTED')),
    -- how the invoice found its line
    add column matched_by         varchar(20)    not null default 'LINE'
        check (matched_by in ('LINE', 'PURCHASE_ORDER', 'VENDOR_AND_EVENT', 'CREDITED_INVOICE')),
    -- the amount converted into the line's currency (what counts in the line's actual)
    add column line_amount        numeric(19, 4) check (line_amount > 0),
    add column credits_invoice_id uuid references invoice (id),
    add column decided_by         varchar(200),
    add column decided_at         timestamptz,
    add column rejection_reason   varchar(1000);
update invoice set line_amount = amount;
alter table invoice alter column line_amount set not null;
alter table invoice
    -- a credit note always credits an invoice, and only a credit note does
    add constraint invoice_credit_note_check check ((kind = 'CREDIT_NOTE') = (credits_invoice_id is not null)),
    -- a decision is made only on an invoice that awaited it
    add constraint invoice_decision_check check ((decided_by is null) = (decided_at is null)),
    add constraint invoice_rejection_check check (status = 'REJECTED' or rejection_reason is null);
create index invoice_listing on invoice (organisation, received_at, id);
create index invoice_credits on invoice (credits_invoice_id) where credits_invoice_id is not null;
create index invoice_line on invoice (line_id);
-- a purchase order is looked up by its number
create index line_item_po_number on line_item (po_number) where po_number is not null;

-- An import of a CSV file of invoices: a job of the organisation, with an outcome per row.
create table invoice_import (
    id           uuid primary key,
    organisation varchar(100) not null check (organisation ~ '\S'),
    status       varchar(10)  not null check (status in ('RUNNING', 'DONE')),
    rows_total   integer      not null check (rows_total >= 0),
    requested_by varchar(200) not null,
    requested_at timestamptz  not null,
    finished_at  timestamptz,
    check ((status = 'DONE') = (finished_at is not null))
);

create table invoice_import_row (
    import_id      uuid         not null references invoice_import (id),
    row_number     integer      not null check (row_number >= 1),
    vendor         varchar(200),
    invoice_number varchar(100),
    outcome        varchar(20)  not null
        check (outcome in ('MATCHED', 'AWAITING_APPROVAL', 'ALREADY_RECORDED', 'UNMATCHED', 'REFUSED')),
    reason         varchar(1000),
    invoice_id     uuid references invoice (id),
    primary key (import_id, row_number)
);
