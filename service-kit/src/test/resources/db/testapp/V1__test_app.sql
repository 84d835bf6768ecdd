-- Test-only tables of the kit's test application (never shipped: src/test).
-- widget: a small aggregate for problem mapping and Idempotency-Key; unique name and numeric(14,2)
-- like the services' money columns, so a taken name is a 23505 and a too-large amount a 22003.
create table widget (
    id     bigserial     primary key,
    name   varchar(40)   not null unique,
    amount numeric(14,2) not null
);

-- applied_tick: what the test event handler applied, in order. No unique key on event_id on
-- purpose: applying an event twice must show here as two rows, not be hidden by a constraint.
create table applied_tick (
    seq       bigserial   primary key,
    event_id  uuid        not null,
    aggregate varchar(64) not null,
    n         integer     not null
);
