create table checklist_template (
    id         uuid primary key,
    name       varchar(200) not null,
    category   varchar(30)  not null check (category in
                   ('MAINTENANCE', 'CLEANING', 'AV', 'CATERING_SETUP', 'ACCESSIBILITY', 'FIRE_SAFETY')),
    created_at timestamptz  not null,
    constraint checklist_template_name_unique unique (name)
);

create table checklist_template_item (
    id                    uuid primary key,
    template_id           uuid          not null references checklist_template (id),
    position              integer       not null check (position >= 0),
    description           varchar(500)  not null,
    mandatory             boolean       not null,
    -- Due this many hours before the event starts.
    due_hours_before_start integer      not null check (due_hours_before_start between 0 and 8760),
    unique (template_id, position)
);

-- A template instantiated for a booking; signed off by the facility role once every mandatory item is settled.
create table checklist (
    id             uuid primary key,
    booking_id     uuid         not null references booking (id),
    event_id       uuid         not null,
    template_id    uuid         not null references checklist_template (id),
    name           varchar(200) not null,
    category       varchar(30)  not null,
    created_at     timestamptz  not null,
    signed_off_by  varchar(200),
    signed_off_at  timestamptz,
    constraint checklist_once_per_booking unique (booking_id, template_id),
    constraint checklist_sign_off_complete check ((signed_off_by is null) = (signed_off_at is null))
);
create index checklist_event on checklist (event_id);

create table checklist_item (
    id            uuid primary key,
    checklist_id  uuid         not null references checklist (id),
    position      integer      not null,
    description   varchar(500) not null,
    mandatory     boolean      not null,
    due_at        timestamptz  not null,
    -- The outcome of the latest inspection of the item; null until inspected.
    outcome       varchar(20)  check (outcome in ('PASSED', 'FAILED', 'NOT_APPLICABLE')),
    note          varchar(1000),
    inspected_at  timestamptz,
    unique (checklist_id, position),
    constraint checklist_item_mandatory_applies check (not (mandatory and outcome = 'NOT_APPLICABLE'))
);

create table inspection (
    id            uuid primary key,
    checklist_id  uuid         not null references checklist (id),
    inspector     varchar(200) not null,
    inspected_at  timestamptz  not null
);

create table inspection_result (
    inspection_id uuid        not null references inspection (id),
    item_id       uuid        not null references checklist_item (id),
    outcome       varchar(20) not null check (outcome in ('PASSED', 'FAILED', 'NOT_APPLICABLE')),
    note          varchar(1000),
    primary key (inspection_id, item_id)
);

-- What a failed item needs done, by whom, by when.
create table corrective_action (
    id                uuid primary key,
    item_id           uuid          not null references checklist_item (id),
    inspection_id     uuid          not null references inspection (id),
    event_id          uuid          not null,
    description       varchar(1000) not null,
    owner             varchar(200)  not null,
    due_at            timestamptz   not null,
    status            varchar(20)   not null check (status in ('OPEN', 'CLOSED')),
    opened_at         timestamptz   not null,
    closed_by         varchar(200),
    closed_at         timestamptz,
    resolution        varchar(1000),
    constraint corrective_action_closure_complete
        check ((status = 'CLOSED') = (closed_at is not null and closed_by is not null and resolution is not null))
);
create unique index corrective_action_one_open_per_item on corrective_action (item_id) where status = 'OPEN';
create index corrective_action_event on corrective_action (event_id);
