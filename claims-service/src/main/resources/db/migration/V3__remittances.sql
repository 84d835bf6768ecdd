-- 835 remittances: each ST/SE transaction once. A file sent again matches its natural key
-- (payer, TRN02 trace number, file hash) and changes nothing.
create table remittance (
    remittance_id    uuid          primary key,
    practice_id      varchar(64),
    payer_name       varchar(200)  not null,
    payer_identifier varchar(80)   not null,
    trace_number     varchar(80)   not null,
    payment_method   varchar(8)    not null,
    payment_amount   numeric(14,2) not null,
    payment_date     date,
    file_hash        varchar(64)   not null,
    received_by      varchar(128)  not null,
    received_at      timestamptz   not null,
    unique (payer_identifier, trace_number, file_hash)
);
create index remittance_practice on remittance (practice_id, received_at desc, remittance_id);

create table remittance_claim (
    id                         bigserial     primary key,
    remittance_id              uuid          not null references remittance (remittance_id),
    patient_control_number     varchar(64)   not null,
    claim_status_code          varchar(4)    not null,
    claim_id                   uuid,
    charge                     numeric(14,2) not null,
    paid                       numeric(14,2) not null,
    patient_responsibility     numeric(14,2) not null,
    payer_claim_control_number varchar(64),
    result                     varchar(16)   not null,
    note                       varchar(500)
);
create index remittance_claim_remittance on remittance_claim (remittance_id);

-- PLB: provider-level adjustments stay with the remittance, never spread over claims
create table provider_adjustment (
    id            bigserial     primary key,
    remittance_id uuid          not null references remittance (remittance_id),
    provider_id   varchar(80)   not null,
    fiscal_period date,
    reason_code   varchar(8)    not null,
    reference     varchar(80),
    amount        numeric(14,2) not null
);
create index provider_adjustment_remittance on provider_adjustment (remittance_id);
