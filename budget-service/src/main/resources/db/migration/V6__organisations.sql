-- Everything of a budget belongs to its event's organisation. Budgets that existed before are acme's; a budget
-- drafted before its event's access was announced (a venue booking seen first) gets its organisation with it.
alter table event_budget add column organisation varchar(100) check (organisation ~ '\S');
update event_budget set organisation = 'acme';
create index event_budget_organisation_department_start on event_budget (organisation, department, starts_at);

-- Each organisation sets its own exchange rates.
alter table exchange_rate add column organisation varchar(100) check (organisation ~ '\S');
update exchange_rate set organisation = 'acme';
alter table exchange_rate alter column organisation set not null;
alter table exchange_rate drop constraint exchange_rate_pkey;
alter table exchange_rate add primary key (organisation, base_currency, quote_currency);

-- Each organisation gives its own departments their allowances.
alter table department_allowance add column organisation varchar(100) check (organisation ~ '\S');
update department_allowance set organisation = 'acme';
alter table department_allowance alter column organisation set not null;
alter table department_allowance drop constraint department_allowance_pkey;
alter table department_allowance add primary key (organisation, department, period);

-- An invoice is recorded once per vendor and number within an organisation: two organisations may well receive
-- invoices under the same number from vendors of the same name.
alter table invoice add column organisation varchar(100) check (organisation ~ '\S');
update invoice set organisation = 'acme';
alter table invoice alter column organisation set not null;
alter table invoice drop constraint invoice_vendor_key_invoice_number_key;
alter table invoice add constraint invoice_organisation_vendor_number_key
    unique (organisation, vendor_key, invoice_number);

-- An export job exports the journal of the organisation that requested it.
alter table export_job add column organisation varchar(100) check (organisation ~ '\S');
update export_job set organisation = 'acme';
alter table export_job alter column organisation set not null;
