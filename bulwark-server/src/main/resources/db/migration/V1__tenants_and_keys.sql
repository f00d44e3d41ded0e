-- Tenants own API keys; each tenant runs under its policy and within its limits.
CREATE TABLE tenant (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  policy        TEXT NOT NULL,
  max_profile   TEXT NOT NULL,
  concurrency   INTEGER NOT NULL CHECK (concurrency > 0),
  rate_per_min  INTEGER NOT NULL CHECK (rate_per_min > 0),
  created_at    TEXT NOT NULL
);

-- A key is shown once; only the SHA-256 of its secret part is kept.
CREATE TABLE api_key (
  id            TEXT PRIMARY KEY,
  tenant_id     TEXT NOT NULL REFERENCES tenant (id),
  label         TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  revoked_at    TEXT
);
CREATE INDEX api_key_tenant ON api_key (tenant_id);
