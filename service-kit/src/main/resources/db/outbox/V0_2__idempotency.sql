-- Idempotency-Key records: the first answer to a creating POST, replayed for retries of the same
-- request. status is null while the first request is still running.
create table idempotency_record (
    principal    varchar(128) not null,
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    status       integer,
    content_type varchar(100),
    location     varchar(500),
    etag         varchar(100),
    body         text,
    created_at   timestamptz  not null default now(),
    primary key (principal, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);
