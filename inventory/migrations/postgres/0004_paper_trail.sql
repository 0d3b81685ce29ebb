-- PostgreSQL version of migrations/0004_paper_trail.sql (see there): TEXT
-- COLLATE "C" so that text sorts byte by byte, as in SQLite.
-- The paper trail (issue 13): the association's identity printed on every
-- document, the sticker tokens a QR label points to, and second-person
-- audits of erasures. All four are projections of events (org.set,
-- sticker.issued, sticker.revoked, audit.recorded): `ledger rebuild`
-- recomputes them.

-- org holds one row: the identity as the last org.set event left it.
CREATE TABLE org (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    doc        TEXT COLLATE "C" NOT NULL,  -- the identity as JSON, the PNG logo in base64 inside
    event_id   TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
);

-- stickers: one opaque token per unit, printed in the QR code of its label.
-- A revoked token stays (revoked_at set) so it answers "unknown" forever
-- and is never issued again.
CREATE TABLE stickers (
    token       TEXT COLLATE "C" PRIMARY KEY,
    unit_id     TEXT COLLATE "C" NOT NULL,
    issue_event TEXT COLLATE "C" NOT NULL,
    issued_at   TEXT COLLATE "C" NOT NULL,
    revoked_at  TEXT COLLATE "C" NOT NULL  -- '' while the token is valid
);
CREATE INDEX stickers_unit ON stickers (unit_id, issued_at);

-- audits: a second person re-checked one erasure (R2v3 practice).
CREATE TABLE audits (
    event_id       TEXT COLLATE "C" PRIMARY KEY,
    unit_id        TEXT COLLATE "C" NOT NULL,
    disk_serial    TEXT COLLATE "C" NOT NULL,
    disk_key       TEXT COLLATE "C" NOT NULL,
    wipe_event     TEXT COLLATE "C" NOT NULL,  -- the wipe.finished event audited
    certificate_id TEXT COLLATE "C" NOT NULL,
    result         TEXT COLLATE "C" NOT NULL,  -- passed | failed
    operator       TEXT COLLATE "C" NOT NULL,  -- who audited
    wiped_by       TEXT COLLATE "C" NOT NULL,  -- who wiped (never the auditor)
    wipe_bench     TEXT COLLATE "C" NOT NULL,
    at             TEXT COLLATE "C" NOT NULL
);
CREATE INDEX audits_wipe ON audits (wipe_event);
CREATE INDEX audits_unit ON audits (unit_id, disk_key);

-- audit_flags: passed erasures put in doubt by a failed audit of the same
-- bench, until a passed audit of that erasure clears them.
CREATE TABLE audit_flags (
    wipe_event  TEXT COLLATE "C" PRIMARY KEY,
    unit_id     TEXT COLLATE "C" NOT NULL,
    disk_serial TEXT COLLATE "C" NOT NULL,
    flagged_by  TEXT COLLATE "C" NOT NULL,  -- the failed audit's event
    flagged_at  TEXT COLLATE "C" NOT NULL,
    cleared_by  TEXT COLLATE "C" NOT NULL   -- '' until a passed audit of that erasure
);
CREATE INDEX audit_flags_unit ON audit_flags (unit_id);
