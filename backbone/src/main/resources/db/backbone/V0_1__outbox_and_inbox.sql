-- Transactional outbox: events written in the same transaction as the state change they announce.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid         not null unique,
    topic          varchar(200) not null,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(200) not null,
    event_type     varchar(200) not null,
    event_version  integer      not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent inbox: (consumer, event id) inserted first, in the transaction of the effect.
create table inbox_event (
    consumer    varchar(100) not null,
    event_id    uuid         not null,
    event_type  varchar(200) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
