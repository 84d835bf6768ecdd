-- Call scripts as calls-service announces them (CallScriptChanged), so the call-preparation packet
-- carries the matching script itself without a synchronous call. practice_id null = a default.
create table call_script (
    script_id       uuid         primary key,
    practice_id     varchar(64),
    name            varchar(120) not null,
    denial_category varchar(40),
    claim_status    varchar(32),
    payer_id        varchar(64),
    outcome         varchar(32),
    opening         text         not null,
    objective       text         not null,
    steps           text         not null,
    objections      text         not null
);
create index call_script_practice on call_script (practice_id);
