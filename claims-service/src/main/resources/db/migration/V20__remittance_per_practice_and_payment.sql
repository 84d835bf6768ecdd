-- A remittance belongs to one practice, and a payment is identified by practice + payer + TRN02 +
-- the content of its transaction (CLP/CAS/PLB), never by the file's bytes: clearinghouses re-send
-- the same payment in new envelopes and with other line breaks, and two transactions may share a TRN02.
alter table remittance add column content_hash varchar(64);
update remittance set content_hash = file_hash;

-- earlier files stored with no practice take the practice of the claims they posted; those that
-- matched no claim posted nothing, and no practice may read them, so they go
update remittance r set practice_id = (
    select min(c.practice_id) from remittance_claim rc join claim c on c.claim_id = rc.claim_id
    where rc.remittance_id = r.remittance_id)
where practice_id is null;
delete from remittance_claim where remittance_id in (select remittance_id from remittance where practice_id is null);
delete from provider_adjustment where remittance_id in (select remittance_id from remittance where practice_id is null);
delete from remittance where practice_id is null;

alter table remittance drop column file_hash;
alter table remittance alter column practice_id set not null;
alter table remittance alter column content_hash set not null;
alter table remittance add constraint remittance_payment unique (practice_id, payer_identifier, trace_number, content_hash);

-- a claim result someone has to look at (a reversal with nothing to reverse, another payer's claim ...)
alter table remittance_claim add column needs_review boolean not null default false;

-- what the remittance did not say cleanly: unbalanced BPR, payer mismatch, warnings of the reader
create table remittance_flag (
    id            bigserial    primary key,
    remittance_id uuid         not null references remittance (remittance_id),
    code          varchar(40)  not null,
    detail        varchar(500) not null
);
create index remittance_flag_remittance on remittance_flag (remittance_id);
