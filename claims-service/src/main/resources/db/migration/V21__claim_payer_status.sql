-- What payers said about claims electronically: 277CA acknowledgments (accepted/rejected before
-- adjudication) and 277 claim status responses (pending, finalized, more information, error). A
-- status already received (same claim, source, trace, codes and date) is a replay and changes nothing.
create table claim_payer_status (
    id              bigserial     primary key,
    claim_id        uuid          not null references claim (claim_id),
    source          varchar(8)    not null,
    trace           varchar(80)   not null,
    status_category varchar(8)    not null,
    status_codes    varchar(500)  not null,
    action_code     varchar(4),
    effective_on    date,
    amount          numeric(14,2),
    received_by     varchar(128)  not null,
    received_at     timestamptz   not null,
    unique nulls not distinct (claim_id, source, trace, status_codes, effective_on)
);
create index claim_payer_status_claim on claim_payer_status (claim_id, received_at desc);
