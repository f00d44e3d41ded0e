# corpus: versioned sqlite schema migrations tracked with PRAGMA user_version in /tmp
import sqlite3

MIGRATIONS = [
    "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)",
    "ALTER TABLE users ADD COLUMN created_at TEXT DEFAULT CURRENT_TIMESTAMP",
    "CREATE INDEX idx_users_created ON users(created_at)",
    "CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), token_hash TEXT)",
]

def migrate(con):
    version = con.execute("PRAGMA user_version").fetchone()[0]
    for i, statement in enumerate(MIGRATIONS[version:], start=version + 1):
        with con:
            con.execute(statement)
            con.execute(f"PRAGMA user_version = {int(i)}")
        print("applied migration", i)
    return con.execute("PRAGMA user_version").fetchone()[0]

con = sqlite3.connect("/tmp/app.db")
print("schema version:", migrate(con))
print([r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")])
con.close()
