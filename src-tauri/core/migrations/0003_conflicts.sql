-- Keel plan format 3. What merges found teammates did at the same time as this copy: two people
-- setting the same field (the history keeps one value, the same on every copy; the other is kept
-- here so a founder can take it instead), and an item deleted by one while another edited it.
-- Local to this copy, like the projection: each copy finds what concerns its own edits.
CREATE TABLE conflict (
    id INTEGER PRIMARY KEY,
    found_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('value', 'deleted')),
    root TEXT NOT NULL,
    item TEXT,
    key TEXT NOT NULL,
    -- The value the history did not keep, as JSON (for 'deleted': null).
    other TEXT NOT NULL,
    sentence TEXT NOT NULL,
    take TEXT NOT NULL,
    keep TEXT NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
);
