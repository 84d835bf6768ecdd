-- Payers and their versioned rules. A claim uses the rule in force on its clock date, so a rule
-- change never rewrites deadlines of claims filed under the old one.
create table payer (
    payer_id   varchar(64)  primary key,
    name       varchar(200) not null,
    phone      varchar(40),
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    version    bigint       not null default 0
);

create table payer_rule (
    id                  bigserial   primary key,
    payer_id            varchar(64) not null references payer (payer_id),
    effective_from      date        not null,
    timely_filing_days  integer     not null check (timely_filing_days between 1 and 3650),
    timely_filing_basis varchar(32) not null,
    appeal_window_days  integer     not null check (appeal_window_days between 1 and 3650),
    promise_grace_days  integer     not null check (promise_grace_days between 0 and 60),
    created_at          timestamptz not null default now(),
    unique (payer_id, effective_from)
);
