-- A person erased from an organisation: never the address itself, only its SHA-256 (hex, of the lower-cased and
-- trimmed address), who asked and when.
create table erasure (
    id            uuid primary key,
    organisation  varchar(100) not null,
    email_sha256  char(64)     not null check (email_sha256 ~ '^[0-9a-f]{64}$'),
    requested_by  varchar(254) not null,
    requested_at  timestamptz  not null
);
create index erasure_by_person on erasure (organisation, email_sha256);

-- How far each service is with an erasure: registration-service's part is DONE in the erasure's own transaction,
-- the others' when their erasure-completed event arrives.
create table erasure_progress (
    erasure_id      uuid        not null references erasure (id),
    service         varchar(40) not null
        check (service in ('registration-service', 'budget-service', 'venue-service', 'notification-service')),
    status          varchar(10) not null check (status in ('PENDING', 'DONE')),
    rows_anonymised integer     check (rows_anonymised >= 0),
    completed_at    timestamptz,
    primary key (erasure_id, service),
    check ((status = 'DONE') = (completed_at is not null and rows_anonymised is not null))
);
