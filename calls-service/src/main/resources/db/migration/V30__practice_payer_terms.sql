-- A practice's own promise grace days with a payer (from PayerTermsChanged), by version. Where a
-- practice has no version in force on a promise's date, the payer's grace days (payer_projection) apply.
create table practice_payer_terms (
    practice_id        varchar(64) not null,
    payer_id           varchar(64) not null,
    effective_from     date        not null,
    promise_grace_days integer     not null,
    primary key (practice_id, payer_id, effective_from)
);
