# corpus: sqlite window functions for running totals and ranks
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE sale (day TEXT, rep TEXT, amount INTEGER)")
conn.executemany("INSERT INTO sale VALUES (?, ?, ?)", [
    ("2024-05-01", "ana", 300), ("2024-05-01", "bo", 120), ("2024-05-02", "ana", 80),
    ("2024-05-02", "bo", 400), ("2024-05-03", "ana", 210), ("2024-05-03", "cy", 90),
])

rows = conn.execute("""
SELECT day, rep, amount,
       SUM(amount) OVER (PARTITION BY rep ORDER BY day) AS running,
       RANK() OVER (PARTITION BY day ORDER BY amount DESC) AS day_rank
FROM sale ORDER BY day, day_rank
""").fetchall()
for r in rows:
    print("{:<11}{:<5}{:>5}{:>8}{:>4}".format(*r))
