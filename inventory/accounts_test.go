package inventory

// webTables are made by the web accounts' migration (0006).
var webTables = []string{"accounts", "web_sessions", "web_throttle"}
