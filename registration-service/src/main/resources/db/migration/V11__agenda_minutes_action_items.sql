-- A meeting's agenda: ordered items, published to its attendees before the meeting.
create table agenda_item (
    id               uuid primary key,
    event_id         uuid         not null references event (id),
    position         integer      not null check (position >= 1),
    title            varchar(300) not null,
    presenter        varchar(200),
    time_box_minutes integer      check (time_box_minutes between 1 and 1440),
    kind             varchar(20)  not null check (kind in ('INFORMATION', 'DISCUSSION', 'DECISION')),
    attachments      jsonb        not null default '[]',
    created_at       timestamptz  not null,
    -- Deferrable: a reorder moves every position in one statement.
    constraint agenda_item_position unique (event_id, position) deferrable initially deferred
);

create table agenda (
    event_id     uuid primary key references event (id),
    version      integer     not null default 0,
    published_at timestamptz
);

-- Minutes: draft -> submitted -> approved by the chair; an approved revision never changes (a correction is a new
-- revision), which the trigger below holds whatever the code does.
create table minutes (
    id          uuid primary key,
    event_id    uuid         not null references event (id),
    revision    integer      not null check (revision >= 1),
    status      varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED')),
    chair       varchar(254) not null,
    entries     jsonb        not null default '[]',
    created_at  timestamptz  not null,
    created_by  varchar(254) not null,
    submitted_at timestamptz,
    approved_at timestamptz,
    constraint minutes_one_revision unique (event_id, revision)
);
create unique index minutes_one_open_revision on minutes (event_id) where status <> 'APPROVED';

create function minutes_approved_are_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'APPROVED' then
        raise exception 'approved minutes (event %, revision %) cannot change', old.event_id, old.revision
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger minutes_approved_are_immutable before update or delete on minutes
    for each row execute function minutes_approved_are_immutable();

-- Action items decided in approved minutes, followed up across meetings.
create table action_item (
    id                   uuid primary key,
    organisation         varchar(100) not null,
    event_id             uuid         not null references event (id),
    series_id            uuid references meeting_series (id),
    agenda_item_id       uuid,
    title                varchar(300) not null,
    owner                varchar(254) not null,
    due_date             date         not null,
    status               varchar(20)  not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    created_at           timestamptz  not null,
    closed_at            timestamptz,
    overdue_announced_at timestamptz
);
create index action_item_by_owner on action_item (organisation, lower(owner), status, due_date);
create index action_item_by_series on action_item (series_id, status, due_date);
create index action_item_overdue on action_item (due_date) where status = 'OPEN' and overdue_announced_at is null;
