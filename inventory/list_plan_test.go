package inventory

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// unit list --state S reads the units of S in the list's order from one
// index range: no sort of every document of the state (at 100,000 units,
// most of the query's time). On SQLite the plan says so; on PostgreSQL the
// planner weighs the index against a sort by the statistics, so the test
// checks that the index is there for it to use.
func TestListByStateNeedsNoSort(t *testing.T) {
	l := newLedger(t)
	q, args, err := listQuery(ListFilter{State: "ready"})
	if err != nil {
		t.Fatal(err)
	}
	if l.eng.name() == "postgres" {
		var n int
		if err := l.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM pg_indexes
			WHERE schemaname = current_schema() AND indexname = 'units_state_num'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("index units_state_num: %d, %v", n, err)
		}
		return
	}
	rows, err := l.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(fmt.Sprintln(vals...))
	}
	if p := plan.String(); strings.Contains(p, "TEMP B-TREE") || !strings.Contains(p, "units_state_num") {
		t.Fatalf("unit list --state sorts its documents:\n%s", p)
	}
}
