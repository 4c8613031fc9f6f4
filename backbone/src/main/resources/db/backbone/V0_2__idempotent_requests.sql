-- Answers to POST requests that carried an Idempotency-Key, stored in the transaction of the change they made.
create table idempotent_request (
    caller       varchar(254) not null,
    key          varchar(200) not null,
    fingerprint  varchar(64)  not null,
    status       integer      not null,
    location     varchar(500),
    body         text,
    created_at   timestamptz  not null default now(),
    primary key (caller, key)
);
create index idempotent_request_created on idempotent_request (created_at);
