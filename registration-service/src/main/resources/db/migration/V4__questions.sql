-- Questions an event asks at registration, and each registration's answers.
create table question (
    id         uuid primary key,
    event_id   uuid         not null references event (id),
    key        varchar(64)  not null,
    label      varchar(500) not null,
    kind       varchar(20)  not null check (kind in ('TEXT', 'CHOICE', 'YES_NO')),
    required   boolean      not null,
    choices    jsonb,
    position   integer      not null,
    constraint question_choices_for_choice check ((kind = 'CHOICE') = (choices is not null)),
    unique (event_id, key)
);
alter table registration add column answers jsonb;
