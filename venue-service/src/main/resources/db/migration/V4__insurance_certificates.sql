create table insurance_certificate (
    id                   uuid primary key,
    event_id             uuid          not null,
    insurer              varchar(200)  not null,
    policy_number        varchar(100)  not null,
    coverage             varchar(40)   not null check (coverage in
                             ('PUBLIC_LIABILITY', 'EVENT_CANCELLATION', 'PROPERTY_DAMAGE', 'EMPLOYERS_LIABILITY')),
    amount               numeric(18, 3) not null check (amount > 0),
    currency             char(3)       not null,
    valid_from           timestamptz   not null,
    valid_to             timestamptz   not null,
    document_reference   varchar(500)  not null,
    registered_by        varchar(200)  not null,
    registered_at        timestamptz   not null,
    -- Set when the expiry warning was announced, so it is announced once.
    expiry_announced_at  timestamptz,
    constraint insurance_certificate_valid_period check (valid_from < valid_to),
    constraint insurance_certificate_unique unique (event_id, insurer, policy_number, coverage)
);
create index insurance_certificate_event on insurance_certificate (event_id);
create index insurance_certificate_expiry_pending on insurance_certificate (valid_to) where expiry_announced_at is null;
