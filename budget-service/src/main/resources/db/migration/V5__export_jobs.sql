-- Finance exports too large to answer at once run as jobs: a row per job, claimed by a worker with
-- FOR UPDATE SKIP LOCKED, its file stored in numbered chunks written with its progress.
create table export_job (
    id             uuid primary key,
    period_from    date          not null,
    period_to      date          not null check (period_to >= period_from),
    format         varchar(4)    not null check (format in ('CSV', 'JSON')),
    status         varchar(10)   not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- the ledger entries exported are those of the period with an id up to this one (fixed when the run starts)
    upto_ledger_id bigint,
    lines_total    bigint,
    lines_written  bigint        not null default 0 check (lines_written >= 0),
    -- every claim is a new attempt; a worker only writes while the attempt it claimed is the current one
    attempt        integer       not null default 0,
    -- a RUNNING job whose lease ran out (its worker stopped) may be claimed again
    lease_until    timestamptz,
    failure        varchar(1000),
    requested_by   varchar(200)  not null,
    requested_at   timestamptz   not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    check (status <> 'DONE' or (lines_total is not null and lines_written = lines_total))
);
create index export_job_queue on export_job (status, requested_at);

create table export_file_chunk (
    job_id uuid    not null references export_job (id),
    seq    integer not null check (seq >= 0),
    data   bytea   not null,
    primary key (job_id, seq)
);
