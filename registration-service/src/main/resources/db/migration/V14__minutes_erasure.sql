-- Approved minutes never change, with one exception the law makes: erasing a person replaces their address where
-- the minutes hold it (chair, author, action item owners). The erasure's transaction says so with the setting
-- convene.erasure = 'on' (set_config(..., true): for that transaction only); nothing else may touch an approved
-- revision, and even an erasure may not change what was decided, its status or its times.
create or replace function minutes_approved_are_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'APPROVED' then
        if tg_op = 'UPDATE' and coalesce(current_setting('convene.erasure', true), '') = 'on'
                and new.id = old.id and new.event_id = old.event_id and new.revision = old.revision
                and new.status = old.status and new.approved_at = old.approved_at
                and new.submitted_at is not distinct from old.submitted_at and new.created_at = old.created_at then
            return new;
        end if;
        raise exception 'approved minutes (event %, revision %) cannot change', old.event_id, old.revision
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
