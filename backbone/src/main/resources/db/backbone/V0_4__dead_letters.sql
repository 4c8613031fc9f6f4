-- Records a consumer could never process, kept for the operator to read, re-drive or discard. Written in a
-- transaction of its own when the record is set aside (the effect's transaction rolled back); the copy on the
-- consumer's Kafka dead-letter topic stays too.
create table dead_letter (
    id               bigserial    primary key,
    consumer         varchar(100) not null,
    channel          varchar(100),
    topic            varchar(249) not null,
    kafka_partition  integer      not null,
    kafka_offset     bigint       not null,
    record_key       text,
    -- from the CloudEvents headers when they are readable
    event_id         uuid,
    event_type       varchar(200),
    event_subject    varchar(200),
    -- exactly what is needed to apply the record again: its value (bytes, so anything the topic held fits) and
    -- its headers ([{"name": ..., "value": text} or {"name": ..., "base64": ...}])
    record_value     bytea,
    record_headers   jsonb        not null default '[]',
    reason           text         not null,
    cause            varchar(300) not null,
    dead_lettered_at timestamptz  not null,
    state            varchar(10)  not null default 'PENDING'
        constraint dead_letter_state check (state in ('PENDING', 'REDRIVEN', 'DISCARDED')),
    attempts         integer      not null default 0,
    last_outcome     text,
    last_attempt_at  timestamptz,
    handled_by       varchar(254),
    -- A record redelivered after a rebalance or a restart is the same letter.
    constraint dead_letter_record unique (consumer, topic, kafka_partition, kafka_offset)
);
-- The same event set aside again (e.g. published twice) is the same letter too.
create unique index dead_letter_event on dead_letter (consumer, event_id) where event_id is not null;
create index dead_letter_state on dead_letter (state, id);
