-- Deliveries are sent outside any transaction: a sender claims one (IN_FLIGHT) for a lease, sends, and records the
-- outcome; a delivery whose sender vanished is claimed again once its lease has run out.
alter table delivery drop constraint delivery_status_check;
alter table delivery add constraint delivery_status_check
    check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'FAILED'));
alter table delivery
    add column lease_until timestamptz,
    add column claimed_by  uuid,
    add constraint delivery_claimed check ((status = 'IN_FLIGHT') = (claimed_by is not null and lease_until is not null));
create index delivery_in_flight on delivery (lease_until) where status = 'IN_FLIGHT';

-- A circuit breaker per recipient: after consecutive failures its deliveries wait (open) until a trial send.
alter table recipient
    add column consecutive_failures integer not null default 0,
    add column circuit_open_until   timestamptz;

-- Webhook secrets are stored encrypted (AES-GCM, "v1:" + base64); rows written before are encrypted by the service
-- at its next start, which needs the key.
alter table recipient alter column webhook_secret type varchar(300);

-- Personal acknowledgement links: only the SHA-256 of the token is kept, and a link expires.
alter table delivery add column ack_expires_at timestamptz;
update delivery
set ack_token      = encode(sha256(convert_to(ack_token, 'UTF8')), 'hex'),
    ack_expires_at = created_at + interval '30 days'
where ack_token is not null;
alter table delivery add constraint delivery_ack_expires check ((ack_token is null) = (ack_expires_at is null));
