-- A certificate can be withdrawn (registered by mistake, or the insurer cancelled the policy): the row stays, it no
-- longer counts for readiness or is warned about, and the same policy may be registered again.
alter table insurance_certificate add column withdrawn_at timestamptz;
alter table insurance_certificate add column withdrawn_by varchar(200);
alter table insurance_certificate drop constraint insurance_certificate_unique;
create unique index insurance_certificate_unique on insurance_certificate (event_id, insurer, policy_number, coverage)
    where withdrawn_at is null;
