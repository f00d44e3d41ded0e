# corpus: versioned schema migrations using PRAGMA user_version
import sqlite3

MIGRATIONS = [
    "CREATE TABLE user (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)",
    "ALTER TABLE user ADD COLUMN display_name TEXT",
    "CREATE INDEX idx_user_display ON user(display_name)",
    "CREATE TABLE login (user_id INTEGER REFERENCES user(id), at TEXT)",
]

def migrate(conn):
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    for i, stmt in enumerate(MIGRATIONS[version:], start=version + 1):
        with conn:
            conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {i:d}")
        print(f"applied migration {i}")
    return conn.execute("PRAGMA user_version").fetchone()[0]

conn = sqlite3.connect("/work/app.db")
print("schema version", migrate(conn))
print([r[1] for r in conn.execute("PRAGMA table_info(user)")])
