-- `unit list --search` matches a substring ('%word%'), which no B-tree
-- answers: PostgreSQL's planner reads the table for it either way. The
-- index only set a limit: an entry of more than ~2,700 bytes (a unit whose
-- eight searchable fields are long, or written in a script of 3-byte
-- characters) made PostgreSQL refuse a unit SQLite accepts.
DROP INDEX IF EXISTS units_search;
