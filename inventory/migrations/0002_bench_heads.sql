-- bench_heads: each bench's last event (number and hash), written in the same
-- transaction as the event. Removing the newest events leaves a chain that is
-- intact on its own; the head still names the event that is gone, and
-- `ledger verify` compares the two. A merge of another bench's ledger brings
-- that bench's head along; a rebuild leaves this table alone (it is not a
-- projection).
CREATE TABLE bench_heads (
    bench TEXT PRIMARY KEY,
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO bench_heads (bench, seq, hash)
    SELECT e.bench, e.bench_seq, e.hash FROM events e
    WHERE e.bench_seq = (SELECT MAX(x.bench_seq) FROM events x WHERE x.bench = e.bench);

-- A head only moves forward.
CREATE TRIGGER bench_heads_no_delete BEFORE DELETE ON bench_heads
BEGIN
    SELECT RAISE(ABORT, 'bench heads are append-only');
END;
CREATE TRIGGER bench_heads_no_rewind BEFORE UPDATE ON bench_heads
WHEN NEW.seq < OLD.seq OR NEW.bench <> OLD.bench
BEGIN
    SELECT RAISE(ABORT, 'bench heads only move forward');
END;
