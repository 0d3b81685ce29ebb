-- Signed chain heads. A hash chain alone can be recomputed by anyone holding
-- the file; a head signed with the bench's ed25519 key (the one that signs
-- erasure certificates, bench.key) cannot. The hub of the next issues checks
-- the same signature on arrival, with the bench.pub it enrolled.
--
-- bench_keys: the public key of each bench whose events this ledger holds
-- (base64 of the 32 raw bytes). Recorded by the bench's first signed write
-- (or atelier init); never changed nor removed here: a key change is a
-- decision for the hub, not something a bench file may do quietly.
CREATE TABLE bench_keys (
    bench      TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
CREATE TRIGGER bench_keys_no_update BEFORE UPDATE ON bench_keys
BEGIN
    SELECT RAISE(ABORT, 'bench keys are append-only');
END;
CREATE TRIGGER bench_keys_no_delete BEFORE DELETE ON bench_keys
BEGIN
    SELECT RAISE(ABORT, 'bench keys are append-only');
END;

-- sig: base64 ed25519 signature of the head message (bench, seq, hash; see
-- inventory/heads.go). '' for a head written before this migration: it gets
-- signed by the owning bench's next write (or atelier init), and until then
-- `ledger verify` calls that bench "unsigned", never "intact".
ALTER TABLE bench_heads ADD COLUMN sig TEXT NOT NULL DEFAULT '';

-- A signed head never becomes unsigned.
CREATE TRIGGER bench_heads_keep_sig BEFORE UPDATE ON bench_heads
WHEN OLD.sig <> '' AND NEW.sig = ''
BEGIN
    SELECT RAISE(ABORT, 'a signed bench head stays signed');
END;
