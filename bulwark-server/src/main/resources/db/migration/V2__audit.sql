-- Tenants may opt in to keeping the code and output of their executions in the audit log.
ALTER TABLE tenant ADD COLUMN retain_content INTEGER NOT NULL DEFAULT 0;

-- One row per accepted execution: written before it runs, completed after. status is NULL while
-- it runs; a server that starts marks rows a dead server left NULL as interrupted.
CREATE TABLE execution (
  id                TEXT PRIMARY KEY,
  tenant_id         TEXT NOT NULL REFERENCES tenant (id),
  key_id            TEXT NOT NULL,
  client            TEXT NOT NULL,
  language          TEXT NOT NULL,
  runtime_version   TEXT NOT NULL,
  code_sha256       TEXT NOT NULL,
  policy            TEXT NOT NULL,
  limits            TEXT NOT NULL,
  accepted_at       TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT,
  reason            TEXT,
  exit_code         INTEGER,
  wall_ms           INTEGER,
  cpu_ms            INTEGER,
  peak_memory_bytes INTEGER,
  findings          TEXT,
  code              TEXT,
  result            TEXT
);
CREATE INDEX execution_tenant_accepted ON execution (tenant_id, accepted_at);
CREATE INDEX execution_unfinished ON execution (status) WHERE status IS NULL;
