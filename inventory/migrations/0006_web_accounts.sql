-- The hub's web accounts (issue 12). Each account change is also an event
-- (account.added, account.disabled: who created whom, when); these tables
-- hold what must not travel with the events to every bench: the password
-- hash, the sessions and the login throttle. Rebuild leaves them alone.
CREATE TABLE accounts (
    login_key  TEXT PRIMARY KEY,
    login      TEXT NOT NULL,
    site       TEXT NOT NULL,
    role       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    disabled   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

-- A session is stored by the sha256 of its cookie value: the file alone
-- lets nobody log in. A restart keeps the sessions until they expire.
CREATE TABLE web_sessions (
    id_hash    TEXT PRIMARY KEY,
    login_key  TEXT NOT NULL,
    csrf       TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX web_sessions_login ON web_sessions (login_key);

-- Failed logins per login and per address; a restart keeps the count.
CREATE TABLE web_throttle (
    key       TEXT PRIMARY KEY,
    failures  INTEGER NOT NULL,
    last_at   TEXT NOT NULL
);
