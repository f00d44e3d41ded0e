# corpus: paginate a JSON API on api.example.com with requests and a Session timeout
import requests

BASE = "https://api.example.com/v2/projects"

def fetch_all(session, per_page=50):
    page, items = 1, []
    while True:
        resp = session.get(BASE, params={"page": page, "per_page": per_page}, timeout=10)
        resp.raise_for_status()
        batch = resp.json()
        items.extend(batch.get("items", []))
        if not batch.get("next_page"):
            return items
        page = batch["next_page"]

with requests.Session() as s:
    s.headers.update({"Accept": "application/json", "User-Agent": "bulwark-agent/1.0"})
    projects = fetch_all(s)
print(len(projects), "projects")
for p in projects[:5]:
    print(p.get("id"), p.get("name"))
