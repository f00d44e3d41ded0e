# corpus: import a CSV into a sqlite file and run queries over it
import csv
import io
import sqlite3

CSV_DATA = """city,country,population
Lisbon,PT,545000
Porto,PT,232000
Oslo,NO,709000
Bergen,NO,286000
Berlin,DE,3645000
"""

conn = sqlite3.connect("/work/cities.db")
conn.execute("DROP TABLE IF EXISTS city")
conn.execute("CREATE TABLE city (name TEXT, country TEXT, population INTEGER)")
reader = csv.DictReader(io.StringIO(CSV_DATA))
conn.executemany("INSERT INTO city VALUES (:city, :country, :population)", reader)
conn.commit()

for country, total, biggest in conn.execute(
        "SELECT country, SUM(population), MAX(population) FROM city GROUP BY country ORDER BY 2 DESC"):
    print(f"{country}: total {total:,}, largest city {biggest:,}")
conn.close()
