-- Transactional outbox (Debezium's column names, plus topic and published_at) and the consumer
-- deduplication table. Shipped with the code that reads and writes them; every service applies it
-- through quarkus.flyway.locations=db/migration,db/outbox.
create table outbox_event (
    seq           bigserial    primary key,
    id            uuid         not null unique,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(128) not null,
    type          varchar(64)  not null,
    topic         varchar(128) not null,
    timestamp     timestamptz  not null,
    payload       jsonb        not null,
    published_at  timestamptz
);
-- the relay's only query: the oldest unpublished rows
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    event_id     uuid        not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, consumer)
);
