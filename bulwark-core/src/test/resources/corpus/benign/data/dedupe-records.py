# corpus: deduplicate contact records by normalised email
import csv
import io

data = """name,email,phone
Ana Silva,Ana.Silva@Example.com,123
Ana S.,ana.silva@example.com ,123
Bruno,bruno@example.org,555
Carla,carla@example.org,
"""

seen = {}
for row in csv.DictReader(io.StringIO(data)):
    key = row["email"].strip().lower()
    if key not in seen or len(row["name"]) > len(seen[key]["name"]):
        seen[key] = {**row, "email": key}

out = io.StringIO()
writer = csv.DictWriter(out, fieldnames=["name", "email", "phone"])
writer.writeheader()
writer.writerows(seen.values())
print(out.getvalue())
