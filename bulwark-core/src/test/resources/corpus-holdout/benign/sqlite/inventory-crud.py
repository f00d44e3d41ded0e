# corpus: sqlite3 in-memory CRUD with parameterised queries and Row factory
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, qty INTEGER NOT NULL)")

con.executemany("INSERT INTO items (name, qty) VALUES (?, ?)",
                [("bolt", 120), ("nut", 300), ("washer", 75)])
con.execute("UPDATE items SET qty = qty - ? WHERE name = ?", (20, "bolt"))
con.execute("DELETE FROM items WHERE qty < ?", (80,))
con.commit()

for row in con.execute("SELECT id, name, qty FROM items ORDER BY name"):
    print(dict(row))
print("total:", con.execute("SELECT SUM(qty) FROM items").fetchone()[0])
con.close()
