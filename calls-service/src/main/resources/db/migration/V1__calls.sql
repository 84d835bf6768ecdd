-- calls-service's own copy of what it needs from ar.claims.v1: which practice and payer a claim
-- belongs to (tenancy without a synchronous call to claims-service) and each payer's grace days.
create table claim_projection (
    claim_id          uuid         primary key,
    practice_id       varchar(64)  not null,
    external_claim_id varchar(64),
    payer_id          varchar(64),
    status            varchar(32),
    balance           numeric(14, 2),
    denial_category   varchar(40),
    version           bigint       not null,
    updated_at        timestamptz  not null
);

create table payer_projection (
    payer_id           varchar(64)  primary key,
    name               varchar(200),
    promise_grace_days integer      not null,
    updated_at         timestamptz  not null
);

-- Calls are append-only: the row holds the current view, call_amendment the history of corrections.
create table call_record (
    call_id          uuid         primary key,
    practice_id      varchar(64)  not null,
    payer_id         varchar(64)  not null,
    caller_id        varchar(128) not null,
    started_at       timestamptz  not null,
    duration_seconds integer      not null check (duration_seconds >= 0),
    rep_name         varchar(120),
    reference_number varchar(64),
    outcome          varchar(32)  not null,
    notes            text,
    callback_at      timestamptz,
    created_at       timestamptz  not null,
    version          bigint       not null default 0
);
create index call_record_practice_started on call_record (practice_id, started_at desc, call_id desc);
create index call_record_caller on call_record (caller_id, started_at desc);

create table call_claim (
    call_id  uuid    not null references call_record (call_id),
    position integer not null,
    claim_id uuid    not null,
    primary key (call_id, position)
);
create index call_claim_claim on call_claim (claim_id);

create table call_amendment (
    amendment_id uuid         primary key,
    call_id      uuid         not null references call_record (call_id),
    amended_by   varchar(128) not null,
    amended_at   timestamptz  not null,
    reason       text         not null,
    changes      jsonb        not null
);
create index call_amendment_call on call_amendment (call_id, amended_at);

create table promise (
    promise_id      uuid          primary key,
    call_id         uuid          not null references call_record (call_id),
    practice_id     varchar(64)   not null,
    claim_id        uuid          not null,
    payer_id        varchar(64)   not null,
    amount          numeric(14, 2) not null check (amount > 0),
    expected_on     date          not null,
    method          varchar(8)    not null,
    reference       varchar(64),
    grace_days      integer       not null,
    broken_after    date          not null,
    status          varchar(16)   not null,
    payment_id      uuid,
    paid_amount     numeric(14, 2),
    settled_on      date,
    cancel_reason   text,
    cancelled_by    varchar(128),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create unique index promise_call on promise (call_id);
create index promise_open_claim on promise (claim_id) where status = 'OPEN';
create index promise_open_due on promise (broken_after) where status = 'OPEN';

create table call_review (
    review_id   uuid         primary key,
    call_id     uuid         not null references call_record (call_id),
    reviewer_id varchar(128) not null,
    score       integer      not null check (score between 1 and 5),
    checklist   jsonb        not null,
    feedback    text,
    reviewed_at timestamptz  not null
);
create index call_review_call on call_review (call_id);

-- Idempotency-Key replays: the first answer's resource id, and a hash of the body that produced it.
create table idempotency_key (
    scope        varchar(64)  not null,
    user_id      varchar(128) not null,
    key          varchar(128) not null,
    request_hash varchar(64)  not null,
    resource_id  varchar(64)  not null,
    created_at   timestamptz  not null,
    primary key (scope, user_id, key)
);
