-- The one-time challenges the hub hands to benches (hub/auth.go), kept in
-- the ledger's database so that several `atelier serve` processes on one
-- PostgreSQL database honour each other's challenges and each one is
-- answered once across all of them. Not events: they never travel, and
-- rebuild and copy leave them alone.
CREATE TABLE hub_challenges (
    challenge  TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);
CREATE INDEX hub_challenges_expiry ON hub_challenges (expires_at);

-- `unit list --state S` reads one range of this index in the list's order
-- (by number): no sort of the documents, which at 100,000 units was most
-- of the query's time (PostgreSQL sorted megabytes of them on disk).
CREATE INDEX units_state_num ON units (state, id_year, id_num, id);
