-- PostgreSQL version of migrations/0009_hub_challenges.sql (see there):
-- COLLATE "C" so that expiry times compare byte by byte whatever the
-- server's locale.
CREATE TABLE hub_challenges (
    challenge  TEXT COLLATE "C" PRIMARY KEY,
    expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX hub_challenges_expiry ON hub_challenges (expires_at);
