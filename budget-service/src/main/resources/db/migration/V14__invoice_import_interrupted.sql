-- An import runs while its request waits. Its lease is renewed with every row recorded; an import whose service
-- stopped in the middle (a crash, a restart) is marked INTERRUPTED once its lease is over, rather than staying
-- RUNNING for ever. Its rows so far keep their outcomes; importing the file again records the rest.
alter table invoice_import add column lease_until timestamptz;
alter table invoice_import alter column status type varchar(12);
alter table invoice_import drop constraint invoice_import_status_check;
alter table invoice_import add constraint invoice_import_status_check
    check (status in ('RUNNING', 'DONE', 'INTERRUPTED'));
alter table invoice_import drop constraint invoice_import_check;
alter table invoice_import add constraint invoice_import_finished
    check ((status = 'RUNNING') = (finished_at is null));
alter table invoice_import add constraint invoice_import_leased
    check ((status = 'RUNNING') = (lease_until is not null));
-- Imports running at the upgrade (or left running by a crash before it) get a lease from now: an import still
-- running on an instance of the version before goes on, one left by a crash is marked interrupted after it.
update invoice_import set lease_until = now() + interval '10 minutes' where status = 'RUNNING';
