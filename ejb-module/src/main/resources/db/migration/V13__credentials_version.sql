-- Counts password changes: a browser session or API token made before the latest change is
-- refused on its next request (issue 5).
ALTER TABLE account ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;
