-- Two events a long-running service published days ago: one past the relay's retention (7 days), one within it.
insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, event_version, payload,
                          occurred_at, published_at)
values ('00000000-0000-4000-8000-000000000008', 'memo.events', 'memo', 'published-8-days-ago', 'memo.revised.v1', 1,
        '{}', now() - interval '8 days', now() - interval '8 days'),
       ('00000000-0000-4000-8000-000000000006', 'memo.events', 'memo', 'published-6-days-ago', 'memo.revised.v1', 1,
        '{}', now() - interval '6 days', now() - interval '6 days');
