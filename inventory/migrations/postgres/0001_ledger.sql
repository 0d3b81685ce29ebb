-- PostgreSQL version of migrations/0001_ledger.sql: same tables, columns and
-- names; only what the two engines spell differently differs here.
-- * TEXT COLLATE "C": byte order, as SQLite compares text, whatever the
--   database's locale: ids, times and keys sort the same on both engines.
-- * BIGINT where SQLite's INTEGER holds more than 32 bits (sizes in bytes).
-- * No WITHOUT ROWID (a SQLite storage choice); the primary keys stay.
-- * The append-only guards are PL/pgSQL triggers raising an exception; a
--   TRUNCATE guard too (SQLite has no TRUNCATE).
CREATE FUNCTION atelier_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE events (
    id        TEXT COLLATE "C" PRIMARY KEY,
    bench     TEXT COLLATE "C" NOT NULL,
    bench_seq BIGINT NOT NULL,
    unit_id   TEXT COLLATE "C" NOT NULL DEFAULT '',
    kind      TEXT COLLATE "C" NOT NULL,
    at        TEXT COLLATE "C" NOT NULL,
    operator  TEXT COLLATE "C" NOT NULL,
    payload   TEXT COLLATE "C" NOT NULL,
    prev_hash TEXT COLLATE "C" NOT NULL,
    hash      TEXT COLLATE "C" NOT NULL,
    UNIQUE (bench, bench_seq)
);
CREATE INDEX events_unit ON events (unit_id, id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events FOR EACH ROW
    EXECUTE FUNCTION atelier_refuse('events are append-only: record a correction as a new event');
CREATE TRIGGER events_no_delete BEFORE DELETE ON events FOR EACH ROW
    EXECUTE FUNCTION atelier_refuse('events are append-only: record a correction as a new event');
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT
    EXECUTE FUNCTION atelier_refuse('events are append-only: record a correction as a new event');

CREATE TABLE units (
    id          TEXT COLLATE "C" NOT NULL UNIQUE,
    id_year     INTEGER NOT NULL,
    id_num      INTEGER NOT NULL,
    serial      TEXT COLLATE "C" NOT NULL,
    serial_key  TEXT COLLATE "C" NOT NULL,
    asset_tag   TEXT COLLATE "C" NOT NULL,
    asset_key   TEXT COLLATE "C" NOT NULL,
    vendor      TEXT COLLATE "C" NOT NULL,
    model       TEXT COLLATE "C" NOT NULL,
    type        TEXT COLLATE "C" NOT NULL,
    state       TEXT COLLATE "C" NOT NULL,
    site        TEXT COLLATE "C" NOT NULL,
    batch       TEXT COLLATE "C" NOT NULL,
    donor       TEXT COLLATE "C" NOT NULL,
    site_key    TEXT COLLATE "C" NOT NULL,
    batch_key   TEXT COLLATE "C" NOT NULL,
    donor_key   TEXT COLLATE "C" NOT NULL,
    grade       TEXT COLLATE "C" NOT NULL,
    beneficiary TEXT COLLATE "C" NOT NULL,
    received_at TEXT COLLATE "C" NOT NULL,
    state_since TEXT COLLATE "C" NOT NULL,
    doc         TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (state, id)
);
CREATE INDEX units_serial ON units (serial_key);
CREATE INDEX units_asset ON units (asset_key);
CREATE INDEX units_num ON units (id_year, id_num);

CREATE TABLE unit_disks (
    unit_id            TEXT COLLATE "C" NOT NULL,
    serial_key         TEXT COLLATE "C" NOT NULL,
    serial             TEXT COLLATE "C" NOT NULL,
    vendor             TEXT COLLATE "C" NOT NULL,
    model              TEXT COLLATE "C" NOT NULL,
    medium             TEXT COLLATE "C" NOT NULL,
    size_bytes         BIGINT NOT NULL,
    erasure            TEXT COLLATE "C" NOT NULL,
    certificate_id     TEXT COLLATE "C" NOT NULL,
    certificate_sha256 TEXT COLLATE "C" NOT NULL,
    recorded_at        TEXT COLLATE "C" NOT NULL,
    position           INTEGER NOT NULL,
    PRIMARY KEY (unit_id, serial_key)
);
CREATE INDEX unit_disks_serial ON unit_disks (serial_key);

CREATE TABLE wipes (
    start_event  TEXT COLLATE "C" PRIMARY KEY,
    unit_id      TEXT COLLATE "C" NOT NULL,
    disk_serial  TEXT COLLATE "C" NOT NULL,
    disk_key     TEXT COLLATE "C" NOT NULL,
    device       TEXT COLLATE "C" NOT NULL,
    method       TEXT COLLATE "C" NOT NULL,
    started_at   TEXT COLLATE "C" NOT NULL,
    finished_at  TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    finish_event TEXT COLLATE "C" NOT NULL
);
CREATE INDEX wipes_unit ON wipes (unit_id, disk_key, started_at);

CREATE TABLE sites (
    name_key TEXT COLLATE "C" PRIMARY KEY,
    name     TEXT COLLATE "C" NOT NULL,
    added_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE images (
    name_key     TEXT COLLATE "C" PRIMARY KEY,
    name         TEXT COLLATE "C" NOT NULL,
    path         TEXT COLLATE "C" NOT NULL,
    os           TEXT COLLATE "C" NOT NULL,
    version      TEXT COLLATE "C" NOT NULL,
    edition      TEXT COLLATE "C" NOT NULL,
    bmap_path    TEXT COLLATE "C" NOT NULL,
    size_bytes   BIGINT NOT NULL,
    image_bytes  BIGINT NOT NULL,
    sha256       TEXT COLLATE "C" NOT NULL,
    image_sha256 TEXT COLLATE "C" NOT NULL,
    added_at     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE handovers (
    event_id    TEXT COLLATE "C" PRIMARY KEY,
    unit_id     TEXT COLLATE "C" NOT NULL,
    site        TEXT COLLATE "C" NOT NULL,
    beneficiary TEXT COLLATE "C" NOT NULL,
    at          TEXT COLLATE "C" NOT NULL
);
CREATE INDEX handovers_unit ON handovers (unit_id);
