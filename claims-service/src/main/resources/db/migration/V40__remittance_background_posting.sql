-- Big 835 files (issue 13) post in the background, chunk by chunk. A remittance carries its state
-- (RECEIVED -> PROCESSING -> POSTED, or FAILED), its progress in CLPs, and the lease of the
-- instance posting it: a lease that is not renewed expires and another instance resumes the job.
alter table remittance add column status varchar(16) not null default 'POSTED';
alter table remittance add column total_claims integer not null default 0;
alter table remittance add column processed_claims integer not null default 0;
alter table remittance add column attempts integer not null default 0;
alter table remittance add column lease_owner varchar(120);
alter table remittance add column lease_until timestamptz;
alter table remittance add constraint remittance_status check (status in ('RECEIVED', 'PROCESSING', 'POSTED', 'FAILED'));
update remittance r set total_claims = n, processed_claims = n
from (select remittance_id, count(*) as n from remittance_claim group by remittance_id) c
where c.remittance_id = r.remittance_id;
-- the runners' probe for work: only unfinished remittances are in it
create index remittance_unfinished on remittance (received_at) where status in ('RECEIVED', 'PROCESSING');

-- The CLPs of an accepted file not posted yet, parsed and validated, in file order (seq). Each chunk
-- posts the lowest seqs and deletes them in its own transaction, so a crash re-posts nothing and
-- loses nothing: what is here has not been posted. See docs/decisions/0008.
create table remittance_pending_claim (
    remittance_id              uuid          not null references remittance (remittance_id),
    seq                        integer       not null,
    segment_position           integer       not null,
    patient_control_number     text          not null,
    claim_status_code          text          not null,
    charge                     numeric       not null,
    paid                       numeric       not null,
    patient_responsibility     numeric       not null,
    payer_claim_control_number text,
    patient_name               text,
    -- [[group, reason, amount], ...] in CAS order
    adjustments                jsonb         not null,
    ambiguous                  boolean       not null default false,
    primary key (remittance_id, seq)
);
