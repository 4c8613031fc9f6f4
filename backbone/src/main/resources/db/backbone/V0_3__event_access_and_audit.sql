-- Who may see and change each event: written by registration-service, copied by the others from its events.
create table event_access (
    event_id      uuid         primary key,
    organisation  varchar(100) not null,
    owner         varchar(254) not null,
    confidential  boolean      not null default false,
    co_organizers jsonb        not null default '[]',
    delegates     jsonb        not null default '[]',
    -- owner, co-organizers and delegates together, for list queries (:subject = any(members))
    members       text[]       not null default '{}',
    updated_at    timestamptz  not null default now()
);
create index event_access_organisation on event_access (organisation);

-- Who did what, on whose behalf: one row per change made through the API. Append-only.
create table audit_entry (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null default now(),
    organisation varchar(100) not null,
    actor        varchar(254) not null,
    on_behalf_of varchar(254),
    event_id     uuid,
    action       varchar(400) not null,
    status       integer      not null
);
create index audit_entry_event on audit_entry (event_id, id) where event_id is not null;
create index audit_entry_organisation on audit_entry (organisation, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are never changed or removed' using errcode = 'check_violation';
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
