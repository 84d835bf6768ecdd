-- Idempotency-Key now goes through service-kit's Idempotency (table idempotency_record, from db/outbox),
-- which replays the stored answer; this service's own copy of keys and created ids is no longer read.
drop table idempotency_key;
