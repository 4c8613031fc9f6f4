-- The trace context (W3C traceparent and tracestate) of the span that appended the event: the HTTP request, or the
-- consumer applying an event. The relay sends the event in a span that continues it (ce_traceparent, ce_tracestate).
-- Null when tracing is off.
alter table outbox_event add column traceparent text, add column tracestate text;
