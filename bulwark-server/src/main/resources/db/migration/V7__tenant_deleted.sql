-- A deleted tenant leaves listings and frees its name; its row stays for the audit records that
-- refer to it (renamed NAME~ID8, which no live tenant's name can be).
ALTER TABLE tenant ADD COLUMN deleted_at TEXT;
