# corpus: in-memory sqlite inventory with parameterised inserts and a report query
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("""CREATE TABLE product (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT, price REAL, stock INTEGER)""")
products = [
    ("keyboard", "peripherals", 49.9, 12), ("mouse", "peripherals", 19.5, 40),
    ("monitor", "displays", 229.0, 5), ("cable", "accessories", 4.99, 300),
    ("webcam", "peripherals", 59.0, 0),
]
conn.executemany("INSERT INTO product (name, category, price, stock) VALUES (?, ?, ?, ?)", products)

query = """SELECT category, COUNT(*) AS n, ROUND(SUM(price * stock), 2) AS value
           FROM product GROUP BY category ORDER BY value DESC"""
for row in conn.execute(query):
    print(row)
print("out of stock:", [r[0] for r in conn.execute("SELECT name FROM product WHERE stock = 0")])
conn.close()
