// Package inventory is atelier's ledger: an append-only, hash-chained log of
// events in SQLite, and the projections (units, disks, wipes, sites, images,
// handovers) computed from it.
//
// Every change is an event; the projection tables are only a fast view that
// `Rebuild` can recompute from the events at any time. Business rules (the
// lifecycle and its invariants) are checked before an event is written: a
// refused change writes nothing.
//
// SQL outside the migration files stays portable (a PostgreSQL backend will
// follow): no SQLite-only functions, upserts with ON CONFLICT, text times.
package inventory
