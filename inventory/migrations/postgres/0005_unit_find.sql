-- PostgreSQL version of migrations/0005_unit_find.sql (see there). SQLite's
-- fills search for existing units with atelier_search, a Go function
-- registered in the SQLite driver; here afterMigration (inventory/pg.go)
-- fills it with the same Go function in the same transaction.
ALTER TABLE units ADD COLUMN name TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN name_key TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN search TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX units_name ON units (name_key);
CREATE INDEX units_idnum ON units (id_num);
CREATE INDEX units_search ON units (search);
