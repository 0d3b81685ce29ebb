-- PostgreSQL version of migrations/0003_signed_heads.sql (see there).
CREATE TABLE bench_keys (
    bench      TEXT COLLATE "C" PRIMARY KEY,
    public_key TEXT COLLATE "C" NOT NULL,
    added_at   TEXT COLLATE "C" NOT NULL
);
CREATE TRIGGER bench_keys_no_update BEFORE UPDATE ON bench_keys FOR EACH ROW
    EXECUTE FUNCTION atelier_refuse('bench keys are append-only');
CREATE TRIGGER bench_keys_no_delete BEFORE DELETE ON bench_keys FOR EACH ROW
    EXECUTE FUNCTION atelier_refuse('bench keys are append-only');
CREATE TRIGGER bench_keys_no_truncate BEFORE TRUNCATE ON bench_keys FOR EACH STATEMENT
    EXECUTE FUNCTION atelier_refuse('bench keys are append-only');

ALTER TABLE bench_heads ADD COLUMN sig TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE TRIGGER bench_heads_keep_sig BEFORE UPDATE ON bench_heads FOR EACH ROW
    WHEN (OLD.sig <> '' AND NEW.sig = '')
    EXECUTE FUNCTION atelier_refuse('a signed bench head stays signed');
