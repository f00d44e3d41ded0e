-- How long a key is refused after it raised an anomaly; 0: never refused, only reported.
ALTER TABLE tenant ADD COLUMN anomaly_throttle_seconds INTEGER NOT NULL DEFAULT 0;

-- Unusual patterns of one key: repeated policy denials or limit hits within a window.
CREATE TABLE anomaly (
  id             TEXT PRIMARY KEY,
  tenant_id      TEXT NOT NULL REFERENCES tenant (id),
  key_id         TEXT NOT NULL,
  kind           TEXT NOT NULL,
  occurrences    INTEGER NOT NULL,
  window_seconds INTEGER NOT NULL,
  raised_at      TEXT NOT NULL,
  throttled_until TEXT
);
CREATE INDEX anomaly_tenant_raised ON anomaly (tenant_id, raised_at);
