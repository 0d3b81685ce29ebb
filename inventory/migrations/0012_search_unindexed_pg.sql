-- PostgreSQL drops its B-tree on units.search (migrations/postgres/0012):
-- a B-tree entry may not pass ~2,700 bytes, and a unit whose fields are
-- long (up to 255 characters each, eight of them folded into search) was
-- refused there while SQLite took it. SQLite keeps its index: it has no
-- such limit, and `unit list --search` reads it instead of the table.
-- Nothing to do here; the number keeps one migration history for both
-- engines.
SELECT 1;
