-- The W3C trace context of the request (or consumer) that appended the event, sent by the relay as
-- the Kafka headers traceparent/tracestate so the consumers' work joins that trace. Null when no
-- trace was active (tracing off, a background job) and for rows written before this version.
-- traceparent version 00 is exactly 55 characters; a longer tracestate is not stored (W3C asks
-- tracers to pass on at least 512 characters, and it is only the vendors' extra data).
alter table outbox_event
    add column traceparent varchar(55),
    add column tracestate  varchar(512);
