-- PostgreSQL version of migrations/0002_bench_heads.sql (see there).
CREATE TABLE bench_heads (
    bench TEXT COLLATE "C" PRIMARY KEY,
    seq   BIGINT NOT NULL,
    hash  TEXT COLLATE "C" NOT NULL
);
INSERT INTO bench_heads (bench, seq, hash)
    SELECT e.bench, e.bench_seq, e.hash FROM events e
    WHERE e.bench_seq = (SELECT MAX(x.bench_seq) FROM events x WHERE x.bench = e.bench);

CREATE TRIGGER bench_heads_no_delete BEFORE DELETE ON bench_heads FOR EACH ROW
    EXECUTE FUNCTION atelier_refuse('bench heads are append-only');
CREATE TRIGGER bench_heads_no_truncate BEFORE TRUNCATE ON bench_heads FOR EACH STATEMENT
    EXECUTE FUNCTION atelier_refuse('bench heads are append-only');
CREATE TRIGGER bench_heads_no_rewind BEFORE UPDATE ON bench_heads FOR EACH ROW
    WHEN (NEW.seq < OLD.seq OR NEW.bench <> OLD.bench)
    EXECUTE FUNCTION atelier_refuse('bench heads only move forward');
