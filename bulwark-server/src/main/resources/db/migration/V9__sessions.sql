-- One row per session: written once it has opened, completed when it ends. end_cause is NULL while
-- it lives; a server that starts ends the rows a stopped server left open (sessions do not survive
-- their server). Each cell is an execution row that names its session.
CREATE TABLE session (
  id              TEXT PRIMARY KEY,
  tenant_id       TEXT NOT NULL REFERENCES tenant (id),
  key_id          TEXT NOT NULL,
  client          TEXT NOT NULL,
  language        TEXT NOT NULL,
  runtime_version TEXT NOT NULL,
  policy          TEXT NOT NULL,
  limits          TEXT NOT NULL,
  started_at      TEXT NOT NULL,
  ended_at        TEXT,
  end_cause       TEXT,
  end_reason      TEXT,
  cells           INTEGER
);
CREATE INDEX session_tenant_started ON session (tenant_id, started_at);
CREATE INDEX session_open ON session (end_cause) WHERE end_cause IS NULL;

ALTER TABLE execution ADD COLUMN session_id TEXT;
CREATE INDEX execution_session ON execution (session_id) WHERE session_id IS NOT NULL;
