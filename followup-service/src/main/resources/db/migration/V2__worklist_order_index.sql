-- /worklists/me/next walks open tasks in priority order across all of a caller's practices; this
-- index lets it stop at the first free row instead of sorting every open task of those practices
create index followup_task_open_priority on followup_task (priority desc, due_on, task_id) where status = 'OPEN';
