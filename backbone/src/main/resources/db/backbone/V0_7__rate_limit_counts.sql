-- What the rate limits have counted in their current window, when a service's instances share their limits
-- (backbone.rate-limit.store=database): one row per limit, i.e. per kind (writes, exports) and organisation, or
-- organisation and caller. The key is a SHA-256 digest of those, so no caller's address is kept here. A row is taken
-- over by the next window when one begins; rows idle for an hour are deleted.
create table rate_limit_count (
    key          varchar(64) primary key,
    window_start timestamptz not null,
    taken        integer     not null check (taken > 0)
);
