-- A practice's own contract terms with a payer, versioned like payer_rule. They override the payer's
-- billing-company-wide rule for that practice's claims only, so one practice can never move another
-- practice's deadlines.
create table practice_payer_terms (
    id                  bigserial   primary key,
    practice_id         varchar(64) not null,
    payer_id            varchar(64) not null references payer (payer_id),
    effective_from      date        not null,
    timely_filing_days  integer     not null check (timely_filing_days between 1 and 3650),
    timely_filing_basis varchar(32) not null,
    appeal_window_days  integer     not null check (appeal_window_days between 1 and 3650),
    promise_grace_days  integer     not null check (promise_grace_days between 0 and 60),
    created_at          timestamptz not null default now(),
    unique (practice_id, payer_id, effective_from)
);
