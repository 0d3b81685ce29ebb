-- Finding a unit (issue 14): by the DSI's name for it (GLPI "Nom", kept
-- from the received event), by its number alone, and by any words of its
-- model, vendor, donor, batch, site, serial, asset tag or name
-- (`unit list --search`). Projections: `ledger rebuild` recomputes them.
ALTER TABLE units ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- search: those fields folded (no case, no accents, single spaces), so a
-- substring match ignores both; atelier_search is the Go function that
-- fills it on every write.
ALTER TABLE units ADD COLUMN search TEXT NOT NULL DEFAULT '';
UPDATE units SET search = atelier_search(model, vendor, donor, batch, site, serial, asset_tag, name);
CREATE INDEX units_name ON units (name_key);
CREATE INDEX units_idnum ON units (id_num);
-- unit list --search reads this index whole (it holds search, state and
-- id): a tenth of the table, which carries every unit's document.
CREATE INDEX units_search ON units (search);
