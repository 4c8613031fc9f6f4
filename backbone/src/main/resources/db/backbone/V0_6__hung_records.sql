-- Records an attempt was applying when it ran past backbone.inbox.stuck-after (a handler that does not end), noted so
-- that the next start, which would meet them again, does not hang on them again: a poll holding one of them is
-- applied record by record, and a record that hung when applied alone is set aside as a dead letter unapplied.
-- A note is forgotten once its record is applied or set aside, or when the attempt ends by itself.
create table inbox_hung_record (
    consumer  varchar(100) not null,
    event_id  uuid         not null,
    -- true when the attempt applied this record alone, false when it applied a poll of several
    alone     boolean      not null,
    -- where the record was, for the operator: topic-partition@offset
    position  varchar(300) not null,
    noted_at  timestamptz  not null,
    primary key (consumer, event_id)
);
