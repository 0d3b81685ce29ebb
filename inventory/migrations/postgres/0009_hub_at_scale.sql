-- PostgreSQL version of migrations/0009_hub_at_scale.sql (see there):
-- COLLATE "C" so that expiry times compare byte by byte whatever the
-- server's locale.
CREATE TABLE hub_challenges (
    challenge  TEXT COLLATE "C" PRIMARY KEY,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX hub_challenges_expiry ON hub_challenges (expires_at);

-- `unit list --state S` reads one range of this index in the list's order
-- (by number): no sort of the documents, which at 100,000 units was most
-- of the query's time (PostgreSQL sorted megabytes of them on disk).
CREATE INDEX units_state_num ON units (state, id_year, id_num, id);
