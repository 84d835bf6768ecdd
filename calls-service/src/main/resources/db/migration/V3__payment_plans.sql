-- Payment plans agreed with patients. Each installment is a promise row (plan_id set, call_id
-- null), so it is kept, broken, listed and announced exactly like a payer's promise.
create table payment_plan (
    plan_id         uuid           primary key,
    practice_id     varchar(64)    not null,
    call_id         uuid           references call_record (call_id),
    patient_account varchar(64)    not null,
    patient_name    varchar(200),
    total           numeric(14, 2) not null check (total > 0),
    method          varchar(8)     not null,
    created_by      varchar(128)   not null,
    created_at      timestamptz    not null,
    version         bigint         not null default 0
);
create index payment_plan_practice on payment_plan (practice_id, created_at desc);

create table payment_plan_claim (
    plan_id  uuid    not null references payment_plan (plan_id),
    position integer not null,
    claim_id uuid    not null,
    primary key (plan_id, position)
);
create index payment_plan_claim_claim on payment_plan_claim (claim_id);

alter table promise alter column call_id drop not null;
alter table promise add column plan_id uuid references payment_plan (plan_id);
alter table promise add column installment_no integer;
alter table promise add constraint promise_has_one_origin check ((call_id is null) <> (plan_id is null));
drop index promise_call;
create unique index promise_call on promise (call_id) where call_id is not null;
create index promise_plan on promise (plan_id, installment_no) where plan_id is not null;
