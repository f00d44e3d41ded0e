-- The weakest isolation tier a tenant's programs run in, and their default; a request may only ask
-- for a stronger one. Tenants from before the gvisor tier keep bubblewrap.
ALTER TABLE tenant ADD COLUMN isolation TEXT NOT NULL DEFAULT 'bubblewrap';
