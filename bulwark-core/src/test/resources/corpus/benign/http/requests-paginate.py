# corpus: paginate through an API on api.example.com with requests
import requests

session = requests.Session()
session.headers.update({"Accept": "application/json"})

items, page = [], 1
while True:
    resp = session.get("https://api.example.com/v1/orders", params={"page": page, "per_page": 50}, timeout=15)
    resp.raise_for_status()
    batch = resp.json().get("items", [])
    if not batch:
        break
    items.extend(batch)
    page += 1
    if page > 20:
        break

print(f"fetched {len(items)} orders over {page - 1} pages")
print("total value:", sum(o.get("total", 0) for o in items))
