-- Call scripts become billing-company defaults (practice_id null, written by admins) or a practice's
-- own scripts (written by that practice's supervisors). Names are unique within their owner.
alter table call_script add column practice_id varchar(64);
alter table call_script drop constraint call_script_name_key;
create unique index call_script_owner_name on call_script (coalesce(practice_id, ''), name);

-- followup-service keeps the scripts for the call-preparation packet from CallScriptChanged events;
-- announce the defaults seeded by V2 once, through the outbox like every other change
insert into outbox_event (id, aggregatetype, aggregateid, type, topic, timestamp, payload)
select s.event_id, 'script', s.script_id::text, 'CallScriptChanged', 'ar.calls.v1', now(),
       json_build_object(
           'eventId', s.event_id, 'type', 'CallScriptChanged', 'version', 1,
           'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'payload', json_build_object(
               'scriptId', s.script_id, 'name', s.name, 'denialCategory', s.denial_category,
               'claimStatus', s.claim_status, 'payerId', s.payer_id, 'outcome', s.outcome,
               'opening', s.opening, 'objective', s.objective, 'steps', s.steps,
               'objections', s.objections, 'deleted', false))
from (select gen_random_uuid() as event_id, c.* from call_script c order by c.name) s;
