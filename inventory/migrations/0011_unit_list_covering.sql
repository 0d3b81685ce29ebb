-- `unit list --state S` on PostgreSQL reads the documents from a covering
-- index (migrations/postgres/0011_unit_list_covering.sql). SQLite needs
-- none: its units table is kept in the order of its key (state, id), so a
-- state's documents already lie together. Nothing to do here; the number
-- keeps one migration history for both engines.
SELECT 1;
