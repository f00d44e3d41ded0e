# corpus: sqlite window functions and GROUP BY report over generated order data
import random
import sqlite3

random.seed(5)
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, day TEXT, amount REAL)")
customers = ["acme", "globex", "initech", "umbrella"]
con.executemany(
    "INSERT INTO orders (customer, day, amount) VALUES (?, ?, ?)",
    [(random.choice(customers), f"2024-04-{random.randint(1, 28):02d}", round(random.uniform(5, 500), 2))
     for _ in range(200)],
)

query = """
SELECT customer,
       COUNT(*)                AS orders,
       ROUND(SUM(amount), 2)   AS revenue,
       ROUND(AVG(amount), 2)   AS avg_order,
       RANK() OVER (ORDER BY SUM(amount) DESC) AS rank
FROM orders
GROUP BY customer
ORDER BY rank
"""
print(f"{'customer':10}{'orders':>8}{'revenue':>12}{'avg':>10}{'rank':>6}")
for row in con.execute(query):
    print(f"{row[0]:10}{row[1]:>8}{row[2]:>12}{row[3]:>10}{row[4]:>6}")
