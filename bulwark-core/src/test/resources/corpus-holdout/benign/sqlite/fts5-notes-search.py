# corpus: full-text search over notes with an sqlite FTS5 virtual table and bm25 ranking
import sqlite3

NOTES = [
    ("Sandbox design", "Processes run in a restricted namespace with seccomp filters."),
    ("Grocery list", "Eggs, flour, butter, and a namespace for nothing at all."),
    ("Policy engine", "Static analysis decides allow flag or deny before the sandbox starts."),
    ("Trip notes", "Train to Bergen, then ferry along the fjord."),
]

con = sqlite3.connect(":memory:")
try:
    con.execute("CREATE VIRTUAL TABLE notes USING fts5(title, body)")
except sqlite3.OperationalError as exc:
    raise SystemExit(f"FTS5 unavailable: {exc}")
con.executemany("INSERT INTO notes (title, body) VALUES (?, ?)", NOTES)

for term in ("sandbox", "namespace", "ferry OR train"):
    rows = con.execute(
        "SELECT title, snippet(notes, 1, '[', ']', '...', 6), bm25(notes) "
        "FROM notes WHERE notes MATCH ? ORDER BY bm25(notes)",
        (term,),
    ).fetchall()
    print(term, "->", [(t, s) for t, s, _ in rows])
