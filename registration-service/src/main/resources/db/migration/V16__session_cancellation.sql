-- A session can be cancelled (its speaker fell ill, the room is lost): it stays listed, holds no seats, takes no choices.
alter table session add column cancelled_at timestamptz;
