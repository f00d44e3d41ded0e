-- How long each execution waited in its tenant's line for one of the machine's slots, as the
-- server measured it: what the fair share between tenants is judged by.
ALTER TABLE execution ADD COLUMN queue_ms INTEGER;
