-- conflicts: events that did not apply after a merge, because another
-- bench's earlier event (in id order) had changed the unit (inventory/
-- conflicts.go). A projection: `ledger rebuild` recomputes it.
CREATE TABLE conflicts (
    event_id    TEXT PRIMARY KEY,
    unit_id     TEXT NOT NULL,
    bench       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    reason      TEXT NOT NULL,  -- diverged | not_erased | after_leave | duplicate_serial
    state       TEXT NOT NULL,  -- the unit's state when the event came
    wanted      TEXT NOT NULL,  -- for a move: the state it asked for
    recorded_by TEXT NOT NULL,  -- the hub's conflict.found event, '' before
    resolved_by TEXT NOT NULL,  -- the conflict.resolved event, '' while open
    note        TEXT NOT NULL,
    other_unit  TEXT NOT NULL   -- duplicate_serial: the unit registered first
);
CREATE INDEX conflicts_unit ON conflicts (unit_id);
