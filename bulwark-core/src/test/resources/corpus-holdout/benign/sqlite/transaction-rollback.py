# corpus: sqlite transfer between accounts using the connection context manager and rollback on error
import sqlite3

class InsufficientFunds(Exception):
    pass

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE accounts (name TEXT PRIMARY KEY, balance INTEGER CHECK (balance >= 0))")
con.executemany("INSERT INTO accounts VALUES (?, ?)", [("alice", 100), ("bob", 20)])
con.commit()

def transfer(con, src, dst, amount):
    try:
        with con:
            con.execute("UPDATE accounts SET balance = balance + ? WHERE name = ?", (amount, dst))
            con.execute("UPDATE accounts SET balance = balance - ? WHERE name = ?", (amount, src))
    except sqlite3.IntegrityError as exc:
        raise InsufficientFunds(f"{src} cannot send {amount}") from exc

transfer(con, "alice", "bob", 30)
try:
    transfer(con, "bob", "alice", 500)
except InsufficientFunds as exc:
    print("rejected:", exc)
print(dict(con.execute("SELECT name, balance FROM accounts")))
