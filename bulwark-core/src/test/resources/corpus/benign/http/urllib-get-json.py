# corpus: GET a JSON list of users from api.example.com with urllib.request
import json
import urllib.request

req = urllib.request.Request(
    "https://api.example.com/v1/users?limit=20",
    headers={"Accept": "application/json", "User-Agent": "report-bot/1.0"},
)
with urllib.request.urlopen(req, timeout=10) as resp:
    users = json.load(resp)

active = [u for u in users if u.get("active")]
print(f"{len(active)}/{len(users)} active users")
for u in active[:5]:
    print(u.get("id"), u.get("name"))
