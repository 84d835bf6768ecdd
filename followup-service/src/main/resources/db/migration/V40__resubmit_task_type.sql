-- RESUBMIT: the payer rejected the claim before adjudication (277CA), so it must be fixed and sent
-- again. The task type check lists every type the service writes.
alter table followup_task drop constraint followup_task_type;
alter table followup_task add constraint followup_task_type
    check (type in ('DENIAL','APPEAL_DEADLINE','PROMISE_CHECK','STATUS_CHECK','CALLBACK','MANUAL','RESUBMIT'));
