-- Claims and everything that moves their money. Amounts are numeric(14,2): exact cents, never floats.
create table claim (
    claim_id                   uuid          primary key,
    practice_id                varchar(64)   not null,
    external_claim_id          varchar(64)   not null,
    payer_id                   varchar(64)   not null references payer (payer_id),
    provider_npi               varchar(10)   not null,
    patient_account_number     varchar(64)   not null,
    patient_first_name         varchar(100)  not null,
    patient_last_name          varchar(100)  not null,
    patient_date_of_birth      date          not null,
    service_date_from          date          not null,
    service_date_to            date          not null,
    submitted_on               date          not null,
    status                     varchar(20)   not null,
    billed_amount              numeric(14,2) not null,
    paid_amount                numeric(14,2) not null default 0,
    adjustment_amount          numeric(14,2) not null default 0,
    patient_responsibility     numeric(14,2) not null default 0,
    written_off_amount         numeric(14,2) not null default 0,
    balance                    numeric(14,2) not null,
    payer_claim_control_number varchar(64),
    content_hash               varchar(64)   not null,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null default 0,
    -- the PM system's id is the natural key: a retried push finds the claim it created
    unique (practice_id, external_claim_id)
);
-- list filters and keyset pages: by practice, newest first / by balance / by age
create index claim_practice_created on claim (practice_id, created_at desc, claim_id);
create index claim_practice_balance on claim (practice_id, balance desc, claim_id);
create index claim_practice_submitted on claim (practice_id, submitted_on, claim_id);
create index claim_practice_status on claim (practice_id, status);
create index claim_payer on claim (payer_id);

create table claim_line (
    line_id         uuid          primary key,
    claim_id        uuid          not null references claim (claim_id) on delete cascade,
    line_number     integer       not null,
    procedure_code  varchar(5)    not null,
    modifiers       varchar(11)   not null default '',
    units           integer       not null check (units > 0),
    charge_amount   numeric(14,2) not null check (charge_amount >= 0),
    diagnosis_codes varchar(40)   not null,
    unique (claim_id, line_number)
);

create table denial (
    denial_id       uuid          primary key,
    claim_id        uuid          not null references claim (claim_id),
    group_code      varchar(2)    not null,
    reason_code     varchar(5)    not null,
    remark_codes    varchar(100)  not null default '',
    category        varchar(32)   not null,
    amount          numeric(14,2) not null,
    denied_on       date          not null,
    appeal_deadline date,
    source          varchar(16)   not null default 'MANUAL',
    created_at      timestamptz   not null
);
create index denial_claim on denial (claim_id, denied_on);

create table payment (
    payment_id        uuid          primary key,
    claim_id          uuid          not null references claim (claim_id),
    amount            numeric(14,2) not null,
    paid_on           date          not null,
    method            varchar(8)    not null,
    reference         varchar(64),
    adjustment_amount numeric(14,2) not null default 0,
    patient_amount    numeric(14,2) not null default 0,
    source            varchar(16)   not null default 'MANUAL',
    remittance_id     uuid,
    created_at        timestamptz   not null
);
create index payment_claim on payment (claim_id, paid_on);
create index payment_paid_on on payment (paid_on);

create table payment_adjustment (
    id          bigserial     primary key,
    payment_id  uuid          not null references payment (payment_id),
    group_code  varchar(2)    not null,
    reason_code varchar(5)    not null,
    amount      numeric(14,2) not null
);
create index payment_adjustment_payment on payment_adjustment (payment_id);

create table appeal (
    appeal_id  uuid        primary key,
    claim_id   uuid        not null references claim (claim_id),
    level      integer     not null check (level between 1 and 5),
    filed_on   date        not null,
    deadline   date,
    notes      varchar(2000),
    filed_by   varchar(128) not null,
    created_at timestamptz not null
);
create index appeal_claim on appeal (claim_id);

create table write_off (
    write_off_id uuid          primary key,
    claim_id     uuid          not null references claim (claim_id),
    amount       numeric(14,2) not null check (amount > 0),
    reason       varchar(500)  not null,
    written_by   varchar(128)  not null,
    written_on   date          not null,
    created_at   timestamptz   not null
);
create index write_off_claim on write_off (claim_id);
