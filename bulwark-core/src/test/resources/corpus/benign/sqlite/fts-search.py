# corpus: full-text search over notes with sqlite FTS5 falling back to LIKE
import sqlite3

notes = [
    ("groceries", "buy milk, eggs and bread"),
    ("meeting", "discuss sandbox network allow list with the team"),
    ("ideas", "a sandbox for running untrusted python code"),
    ("travel", "book train to Porto"),
]

conn = sqlite3.connect(":memory:")
try:
    conn.execute("CREATE VIRTUAL TABLE note USING fts5(title, body)")
    fts = True
except sqlite3.OperationalError:
    conn.execute("CREATE TABLE note (title TEXT, body TEXT)")
    fts = False
conn.executemany("INSERT INTO note VALUES (?, ?)", notes)

term = "sandbox"
if fts:
    rows = conn.execute("SELECT title, snippet(note, 1, '[', ']', '...', 5) FROM note WHERE note MATCH ?", (term,))
else:
    rows = conn.execute("SELECT title, body FROM note WHERE body LIKE ?", (f"%{term}%",))
for title, text in rows:
    print(f"{title}: {text}")
