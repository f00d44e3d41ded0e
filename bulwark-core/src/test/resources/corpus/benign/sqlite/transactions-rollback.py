# corpus: bank transfer with sqlite transactions and rollback on constraint failure
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE account (name TEXT PRIMARY KEY, balance INTEGER CHECK (balance >= 0))")
conn.executemany("INSERT INTO account VALUES (?, ?)", [("alice", 100), ("bob", 50)])
conn.commit()

def transfer(src, dst, amount):
    try:
        with conn:
            conn.execute("UPDATE account SET balance = balance - ? WHERE name = ?", (amount, src))
            conn.execute("UPDATE account SET balance = balance + ? WHERE name = ?", (amount, dst))
        return True
    except sqlite3.IntegrityError as exc:
        print(f"transfer {src}->{dst} of {amount} rejected: {exc}")
        return False

transfer("alice", "bob", 30)
transfer("bob", "alice", 500)
print(dict(conn.execute("SELECT name, balance FROM account")))
