-- A counter that moves whenever a key or a tenant changes, however it changes (the CLI while a
-- server runs, a hand-written UPDATE): a server remembers the keys it has verified until it moves.
CREATE TABLE auth_generation (n INTEGER NOT NULL);
INSERT INTO auth_generation (n) VALUES (0);

CREATE TRIGGER api_key_updated AFTER UPDATE ON api_key
BEGIN
  UPDATE auth_generation SET n = n + 1;
END;

CREATE TRIGGER api_key_deleted AFTER DELETE ON api_key
BEGIN
  UPDATE auth_generation SET n = n + 1;
END;

CREATE TRIGGER tenant_updated AFTER UPDATE ON tenant
BEGIN
  UPDATE auth_generation SET n = n + 1;
END;

CREATE TRIGGER tenant_deleted AFTER DELETE ON tenant
BEGIN
  UPDATE auth_generation SET n = n + 1;
END;
