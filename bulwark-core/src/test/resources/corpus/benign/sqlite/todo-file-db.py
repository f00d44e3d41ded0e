# corpus: small todo list persisted in a sqlite file under /work
import sqlite3
from datetime import datetime

DB = "/work/todo.db"

with sqlite3.connect(DB) as conn:
    conn.execute("""CREATE TABLE IF NOT EXISTS todo (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL)""")
    for title in ("write report", "review PR", "book flights"):
        conn.execute("INSERT INTO todo (title, created) VALUES (?, ?)",
                     (title, datetime.now().isoformat(timespec="seconds")))
    conn.execute("UPDATE todo SET done = 1 WHERE title = ?", ("review PR",))

with sqlite3.connect(DB) as conn:
    conn.row_factory = sqlite3.Row
    for row in conn.execute("SELECT * FROM todo ORDER BY done, id"):
        mark = "x" if row["done"] else " "
        print(f"[{mark}] {row['id']:3d} {row['title']}")
