-- followup-service's own read model of claims and calls (projected from ar.claims.v1 / ar.calls.v1),
-- and the follow-up tasks built on it. Nothing here is read from another service's database.

create table payer_info (
    payer_id           varchar(64)  primary key,
    name               varchar(200),
    phone              varchar(40),
    appeal_window_days int,
    promise_grace_days int,
    updated_at         timestamptz  not null
);

-- one row per claim, the latest ClaimChanged snapshot (smaller events patch it until the next one)
create table claim_snapshot (
    claim_id               uuid          primary key,
    practice_id            varchar(64)   not null,
    external_claim_id      varchar(64),
    payer_id               varchar(64),
    status                 varchar(32)   not null,
    billed_amount          numeric(14,2),
    paid_amount            numeric(14,2),
    adjustment_amount      numeric(14,2),
    patient_responsibility numeric(14,2),
    balance                numeric(14,2) not null default 0,
    service_date_from      date,
    service_date_to        date,
    submitted_on           date,
    timely_filing_deadline date,
    appeal_deadline        date,
    denial_category        varchar(40),
    snapshot_version       bigint        not null default -1,
    updated_at             timestamptz   not null
);
-- the scheduler's scan for claims nearing timely filing with no answer from the payer
create index claim_snapshot_timely_filing on claim_snapshot (timely_filing_deadline)
    where status in ('SUBMITTED', 'IN_PROCESS') and balance > 0;

create table denial (
    denial_id       uuid          primary key,
    claim_id        uuid          not null,
    practice_id     varchar(64)   not null,
    group_code      varchar(4),
    reason_code     varchar(8),
    remark_codes    varchar(200),
    category        varchar(40),
    amount          numeric(14,2),
    denied_on       date,
    appeal_deadline date
);
create index denial_claim on denial (claim_id, denied_on desc);

-- a call about several claims is stored once per claim: every read is per claim
create table call_record (
    call_id          uuid         not null,
    claim_id         uuid         not null,
    practice_id      varchar(64)  not null,
    payer_id         varchar(64),
    caller_id        varchar(128),
    started_at       timestamptz  not null,
    duration_seconds int          not null,
    outcome          varchar(32)  not null,
    reference_number varchar(64),
    rep_name         varchar(128),
    callback_at      timestamptz,
    primary key (call_id, claim_id)
);
create index call_record_claim on call_record (claim_id, started_at desc);

create table promise (
    promise_id  uuid          primary key,
    claim_id    uuid          not null,
    practice_id varchar(64)   not null,
    call_id     uuid,
    payer_id    varchar(64),
    amount      numeric(14,2),
    expected_on date,
    method      varchar(16),
    reference   varchar(64),
    status      varchar(16)   not null,
    settled_on  date,
    updated_at  timestamptz   not null
);
create index promise_claim on promise (claim_id);

-- the claim's communication history in time order (GET /timeline): claim events, calls, promises, tasks
create table timeline_entry (
    id          bigserial    primary key,
    claim_id    uuid         not null,
    practice_id varchar(64)  not null,
    occurred_at timestamptz  not null,
    kind        varchar(40)  not null,
    summary     varchar(1000) not null,
    ref_id      varchar(64)
);
create index timeline_entry_claim on timeline_entry (claim_id, occurred_at, id);

create table followup_task (
    task_id       uuid          primary key,
    practice_id   varchar(64)   not null,
    claim_id      uuid          not null,
    type          varchar(20)   not null,
    status        varchar(12)   not null,
    due_on        date          not null,
    snoozed_until date,
    assignee      varchar(128),
    priority      int           not null default 0,
    because       varchar(1000) not null default '',
    reason        varchar(500)  not null,
    -- which rule firing made the task (e.g. "appeal:2026-12-01"), so that firing never repeats
    rule_key      varchar(100),
    leased_by     varchar(128),
    lease_until   timestamptz,
    close_reason  varchar(500),
    created_by    varchar(128)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    closed_at     timestamptz,
    version       bigint        not null default 0,
    constraint followup_task_type check (type in ('DENIAL','APPEAL_DEADLINE','PROMISE_CHECK','STATUS_CHECK','CALLBACK','MANUAL')),
    constraint followup_task_status check (status in ('OPEN','SNOOZED','DONE','CANCELLED'))
);
-- the rule "never two open tasks of one type for a claim", enforced even against concurrent writers
create unique index followup_task_one_open_per_type on followup_task (claim_id, type)
    where status in ('OPEN', 'SNOOZED');
-- worklist: a caller's own open tasks in priority order (keyset on priority desc, due_on, task_id)
create index followup_task_assigned_worklist on followup_task (assignee, priority desc, due_on, task_id)
    where status = 'OPEN' and assignee is not null;
-- worklist: the unassigned open tasks of a practice in priority order
create index followup_task_unassigned_worklist on followup_task (practice_id, priority desc, due_on, task_id)
    where status = 'OPEN' and assignee is null;
-- supervisor worklists by practice (any assignee), and GET /followups by claim
create index followup_task_practice_open on followup_task (practice_id, priority desc, due_on, task_id)
    where status = 'OPEN';
create index followup_task_claim on followup_task (claim_id, due_on);
-- the scheduler's scans: snoozed tasks to wake, leases to expire
create index followup_task_snoozed on followup_task (snoozed_until) where status = 'SNOOZED';
create index followup_task_leased on followup_task (lease_until) where lease_until is not null;

-- the scheduler's memory of once-a-day jobs (recompute priorities, deadline scans)
create table scheduler_state (
    job        varchar(64) primary key,
    last_day   date        not null,
    updated_at timestamptz not null
);
