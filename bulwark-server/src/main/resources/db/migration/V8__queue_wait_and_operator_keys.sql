-- How long each execution waited in its tenant's line for one of the machine's slots, as the
-- server measured it: what the fair share between tenants is judged by.
ALTER TABLE execution ADD COLUMN queue_ms INTEGER;

-- An operator's key reads what spans tenants (/metrics names every tenant); a tenant's key does not.
ALTER TABLE api_key ADD COLUMN operator INTEGER NOT NULL DEFAULT 0;
