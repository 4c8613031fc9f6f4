-- The issue log partners raise through the facility coordinator, who mediates each issue to a resolution.
create table venue_issue (
    id                    uuid primary key,
    venue_id              uuid          not null references venue (id),
    description           varchar(2000) not null,
    -- Raised by a listed partner contact of the venue, or by someone named who is not (yet) listed.
    raised_by_contact_id  uuid          references partner_contact (id),
    raised_by_name        varchar(200)  not null,
    status                varchar(20)   not null check (status in ('OPEN', 'IN_MEDIATION', 'RESOLVED')),
    raised_at             timestamptz   not null,
    recorded_by           varchar(200)  not null,
    mediation_started_at  timestamptz,
    mediated_by           varchar(200),
    resolution            varchar(2000),
    resolved_at           timestamptz,
    resolved_by           varchar(200),
    -- Each status carries exactly what it took to reach it: OPEN -> IN_MEDIATION -> RESOLVED.
    constraint venue_issue_status_complete check (
        (status = 'OPEN' and mediation_started_at is null and resolved_at is null and resolution is null)
        or (status = 'IN_MEDIATION' and mediation_started_at is not null and mediated_by is not null
            and resolved_at is null and resolution is null)
        or (status = 'RESOLVED' and mediation_started_at is not null and resolved_at is not null
            and resolved_by is not null and resolution is not null and btrim(resolution) <> ''))
);
create index venue_issue_venue on venue_issue (venue_id, status, raised_at);

-- What a partner or the coordinator proposes so the issue does not happen again.
create table improvement_proposal (
    id           uuid primary key,
    issue_id     uuid          not null references venue_issue (id),
    description  varchar(2000) not null,
    proposed_by  varchar(200)  not null,
    recorded_by  varchar(200)  not null,
    proposed_at  timestamptz   not null
);
create index improvement_proposal_issue on improvement_proposal (issue_id, proposed_at);

-- Registration's latest word on the event: its seats and whether it was called off.
alter table event_readiness add column capacity integer;
alter table event_readiness add column cancelled_at timestamptz;
