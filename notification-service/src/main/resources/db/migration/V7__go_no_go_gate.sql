-- The go/no-go gate. Each organisation's policy: which checks are required, how long before the start the decision
-- is due (ISO-8601 duration), and which audiences must acknowledge the pre-event briefing. No row: the defaults.
create table go_no_go_policy (
    organisation            varchar(100) primary key,
    required_checks         text         not null,
    decision_due_before     varchar(40)  not null,
    acknowledging_audiences text         not null,
    updated_at              timestamptz  not null
);

-- Each event's gate: its minimum attendance target, the decision as last announced and the decision last escalated
-- to the leads (once per event and decision).
create table go_no_go (
    event_id           uuid         primary key references event_digest (event_id),
    minimum_attendance integer      not null default 0 check (minimum_attendance >= 0),
    venue_sequence     bigint       not null default 0,
    decision           varchar(10)  check (decision in ('GO', 'NO_GO', 'AT_RISK')),
    decided_at         timestamptz,
    escalated_decision varchar(10),
    updated_at         timestamptz  not null
);
create index go_no_go_undecided on go_no_go (event_id) where decision in ('NO_GO', 'AT_RISK');

-- Where each check stands and since when its status last changed.
create table go_no_go_check (
    event_id uuid         not null references go_no_go (event_id),
    name     varchar(40)  not null,
    status   varchar(10)  not null check (status in ('MET', 'NOT_MET', 'UNKNOWN')),
    reason   text,
    since    timestamptz  not null,
    primary key (event_id, name)
);

-- Venue's checks of the event as last assessed (venue.readiness-assessed.v1), by the gate's names.
create table go_no_go_venue_check (
    event_id uuid         not null references go_no_go (event_id),
    name     varchar(40)  not null,
    status   varchar(10)  not null check (status in ('MET', 'NOT_MET', 'UNKNOWN')),
    reason   text,
    primary key (event_id, name)
);
