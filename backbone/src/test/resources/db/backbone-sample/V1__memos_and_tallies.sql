-- The sample service the backbone's own tests run: memos written through the API (with their events in the
-- outbox), and tallies counted from incoming events (through the inbox).
create table memo (
    id         uuid         primary key,
    author     varchar(254) not null,
    text       varchar(200) not null,
    copies     integer      not null default 1 constraint memo_copies_at_most_1000 check (copies <= 1000),
    slug       varchar(100) constraint memo_slug_unique unique,
    created_at timestamptz  not null default now()
);

create table memo_revision (
    memo_id  uuid         not null,
    sequence integer      not null,
    text     varchar(200) not null,
    primary key (memo_id, sequence)
);

create table tally (
    counter varchar(100) primary key,
    total   integer      not null
);
