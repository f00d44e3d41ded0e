# corpus: sqlite join between authors and books with aggregate statistics
import sqlite3

db = sqlite3.connect(":memory:")
cur = db.cursor()
cur.executescript("""
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES author(id),
                   title TEXT, year INTEGER, pages INTEGER);
INSERT INTO author VALUES (1, 'Le Guin'), (2, 'Lem'), (3, 'Butler');
INSERT INTO book (author_id, title, year, pages) VALUES
  (1, 'The Dispossessed', 1974, 387), (1, 'The Left Hand of Darkness', 1969, 304),
  (2, 'Solaris', 1961, 204), (2, 'The Cyberiad', 1965, 295),
  (3, 'Kindred', 1979, 264);
""")
cur.execute("""
SELECT a.name, COUNT(b.id), MIN(b.year), MAX(b.year), AVG(b.pages)
FROM author a LEFT JOIN book b ON b.author_id = a.id
GROUP BY a.id ORDER BY a.name
""")
for name, n, first, last, pages in cur.fetchall():
    print(f"{name:10} books={n} {first}-{last} avg_pages={pages:.0f}")
