-- benches: the benches enrolled on this ledger when it serves as the hub
-- (`atelier bench enrol|revoke`). A projection of the bench.enrolled and
-- bench.revoked events: `ledger rebuild` recomputes it.
-- letter is the short code in the unit ids the bench gives ('' for a bench
-- whose ids carry none): no two benches share one, so ids never collide.
CREATE TABLE benches (
    name_key    TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,  -- base64 of the 32 raw ed25519 bytes
    fingerprint TEXT NOT NULL,  -- SHA256:..., as atelier init prints it
    letter      TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at  TEXT NOT NULL   -- '' while enrolled
);
