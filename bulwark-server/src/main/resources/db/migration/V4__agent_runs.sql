-- One row per agent run: written when it starts, completed when it ends. end_reason is NULL while
-- it runs; a server that starts marks rows a dead server left NULL as interrupted. The task, the
-- answer and each step's code and observation are kept only for tenants that retain content; the
-- steps always keep their status, redactions and the id of their execution's own record.
CREATE TABLE agent_run (
  id          TEXT PRIMARY KEY,
  tenant_id   TEXT NOT NULL REFERENCES tenant (id),
  key_id      TEXT NOT NULL,
  client      TEXT NOT NULL,
  provider    TEXT NOT NULL,
  model       TEXT NOT NULL,
  task_sha256 TEXT NOT NULL,
  task        TEXT,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  end_reason  TEXT,
  answer      TEXT,
  steps       TEXT,
  tokens      INTEGER,
  elapsed_ms  INTEGER
);
CREATE INDEX agent_run_tenant_started ON agent_run (tenant_id, started_at);
