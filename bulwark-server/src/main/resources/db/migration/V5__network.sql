-- Every connection an execution asked the egress proxy for, allowed or refused: host, port, bytes
-- and reason as JSON. No content, so it is kept for every tenant.
ALTER TABLE execution ADD COLUMN network TEXT;
