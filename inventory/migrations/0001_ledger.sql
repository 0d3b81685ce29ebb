-- The ledger: configuration, the append-only event log and its projections.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- events is the only source of truth. Each bench chains its own events:
-- hash = sha256 over the canonical fields and the bench's previous hash.
CREATE TABLE events (
    id        TEXT PRIMARY KEY,          -- ULID, time-ordered
    bench     TEXT NOT NULL,
    bench_seq INTEGER NOT NULL,          -- 1, 2, 3... per bench: the chain order
    unit_id   TEXT NOT NULL DEFAULT '',  -- '' for ledger-wide events (site, image)
    kind      TEXT NOT NULL,
    at        TEXT NOT NULL,             -- UTC, fixed-width RFC 3339
    operator  TEXT NOT NULL,
    payload   TEXT NOT NULL,             -- JSON
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    UNIQUE (bench, bench_seq)
) WITHOUT ROWID; -- stored in id order: rebuild reads it sequentially
CREATE INDEX events_unit ON events (unit_id, id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a correction as a new event');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: record a correction as a new event');
END;

-- Projections: recomputed from events by `atelier ledger rebuild`. They carry
-- no foreign keys: they are derived from the events, and emptying them for a
-- rebuild must stay cheap.
-- units is stored by (state, id): `unit list --state ready` reads one
-- contiguous range instead of the whole table.
CREATE TABLE units (
    id          TEXT NOT NULL UNIQUE,
    id_year     INTEGER NOT NULL,
    id_num      INTEGER NOT NULL,
    serial      TEXT NOT NULL,
    serial_key  TEXT NOT NULL,
    asset_tag   TEXT NOT NULL,
    asset_key   TEXT NOT NULL,
    vendor      TEXT NOT NULL,
    model       TEXT NOT NULL,
    type        TEXT NOT NULL,
    state       TEXT NOT NULL,
    site        TEXT NOT NULL,
    batch       TEXT NOT NULL,
    donor       TEXT NOT NULL,
    site_key    TEXT NOT NULL,  -- upper-cased: filters ignore case in any alphabet
    batch_key   TEXT NOT NULL,
    donor_key   TEXT NOT NULL,
    grade       TEXT NOT NULL,
    beneficiary TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state_since TEXT NOT NULL,
    doc         TEXT NOT NULL,  -- the unit as JSON, what `unit list --json` prints
    PRIMARY KEY (state, id)
) WITHOUT ROWID;
CREATE INDEX units_serial ON units (serial_key);
CREATE INDEX units_asset ON units (asset_key);
CREATE INDEX units_num ON units (id_year, id_num);

CREATE TABLE unit_disks (
    unit_id            TEXT NOT NULL,
    serial_key         TEXT NOT NULL,
    serial             TEXT NOT NULL,
    vendor             TEXT NOT NULL,
    model              TEXT NOT NULL,
    medium             TEXT NOT NULL,
    size_bytes         INTEGER NOT NULL,
    erasure            TEXT NOT NULL,
    certificate_id     TEXT NOT NULL,
    certificate_sha256 TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    position           INTEGER NOT NULL,  -- order in which the unit's disks were recorded
    PRIMARY KEY (unit_id, serial_key)
);
CREATE INDEX unit_disks_serial ON unit_disks (serial_key);

CREATE TABLE wipes (
    start_event TEXT PRIMARY KEY,
    unit_id     TEXT NOT NULL,
    disk_serial TEXT NOT NULL,
    disk_key    TEXT NOT NULL,
    device      TEXT NOT NULL,
    method      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,  -- '' while never finished
    status      TEXT NOT NULL,  -- '' while never finished
    finish_event TEXT NOT NULL  -- the wipe.finished event, '' while never finished
);
CREATE INDEX wipes_unit ON wipes (unit_id, disk_key, started_at);

CREATE TABLE sites (
    name_key TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    added_at TEXT NOT NULL
);

CREATE TABLE images (
    name_key     TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    path         TEXT NOT NULL,
    os           TEXT NOT NULL,
    version      TEXT NOT NULL,
    edition      TEXT NOT NULL,
    bmap_path    TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    image_bytes  INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    image_sha256 TEXT NOT NULL,
    added_at     TEXT NOT NULL
);

CREATE TABLE handovers (
    event_id    TEXT PRIMARY KEY,
    unit_id     TEXT NOT NULL,
    site        TEXT NOT NULL,
    beneficiary TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX handovers_unit ON handovers (unit_id);
