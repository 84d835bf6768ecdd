-- /next first gives up the caller's previous lease (where leased_by = ?): without this index that
-- update read every open task, about 50 ms at 200k tasks. Leases are few, so the index is tiny.
create index followup_task_leased_by on followup_task (leased_by) where leased_by is not null;
