-- Payments posted to a claim (from ClaimPaymentPosted), so the call-preparation packet shows the
-- payment history (amount, date, method, check/EFT number) without asking claims-service.
create table payment_record (
    payment_id  uuid          primary key,
    claim_id    uuid          not null,
    practice_id varchar(64),
    amount      numeric(14,2) not null,
    paid_on     date,
    method      varchar(16),
    reference   varchar(80)
);
create index payment_record_claim on payment_record (claim_id, paid_on desc);
