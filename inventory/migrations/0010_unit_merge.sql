-- unit merge: the same machine registered at two benches before they
-- synced, made one by `atelier unit merge KEEP OTHER` (inventory/
-- unitmerge.go). Projections: `ledger rebuild` recomputes them.
ALTER TABLE units ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';  -- OTHER: the unit it became
ALTER TABLE units ADD COLUMN absorbed TEXT NOT NULL DEFAULT '';     -- KEEP: the units merged into it, space-separated
