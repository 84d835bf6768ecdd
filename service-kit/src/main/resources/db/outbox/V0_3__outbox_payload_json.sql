-- The relay only ever reads the payload back as text: json keeps the text as written, where jsonb
-- would parse it into a binary form on insert and print it again for every publish.
alter table outbox_event alter column payload type json;
