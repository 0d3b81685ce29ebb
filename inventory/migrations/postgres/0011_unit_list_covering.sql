-- PostgreSQL version of migrations/0011_unit_list_covering.sql.
--
-- `unit list --state S` (inventory/pg.go, pgEachUnitDocOfState) reads the
-- state's documents from this index alone, already in the list's order: an
-- index-only scan of one contiguous range (10,000 units: ~500 pages). A
-- PostgreSQL heap keeps a unit's row where its last update put it, so
-- reading the documents from the table took one page per listed unit
-- (9,100 pages for 10,000 units) and a sort: most of the command's time.
--
-- A B-tree entry may not exceed about 2,700 bytes, so documents longer
-- than 2,000 bytes (none in practice: a unit's document is ~300 bytes, but
-- nothing bounds the DSI's texts) stay out of it; the list asks the second,
-- normally empty, index whether the state has any, and if so reads the
-- table the old way (same units, same order).
CREATE INDEX units_list ON units (state, id_year, id_num, id) INCLUDE (doc)
    WHERE merged_into = '' AND octet_length(doc) <= 2000;
CREATE INDEX units_list_long ON units (state)
    WHERE merged_into = '' AND octet_length(doc) > 2000;

-- An index-only scan skips the table only for pages the visibility map
-- marks all-visible, which VACUUM does. By default autovacuum comes after
-- 20 % of the rows changed; at 2 % the map stays current on a busy hub
-- (a vacuum of the units table is a second or two at 100,000 units).
ALTER TABLE units SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
