# corpus: map sqlite rows to dataclasses with a custom row factory
import sqlite3
from dataclasses import dataclass

@dataclass
class Employee:
    id: int
    name: str
    dept: str
    salary: int

def employee_factory(cursor, row):
    return Employee(*row)

conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE employee (id INTEGER PRIMARY KEY, name TEXT, dept TEXT, salary INTEGER)")
conn.executemany("INSERT INTO employee (name, dept, salary) VALUES (?, ?, ?)",
                 [("Ana", "eng", 72000), ("Bo", "ops", 58000), ("Cy", "eng", 81000)])
conn.row_factory = employee_factory

engineers = conn.execute("SELECT * FROM employee WHERE dept = ? ORDER BY salary DESC", ("eng",)).fetchall()
for e in engineers:
    print(e)
print("payroll:", sum(e.salary for e in conn.execute("SELECT * FROM employee")))
