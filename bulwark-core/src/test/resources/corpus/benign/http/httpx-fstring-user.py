# corpus: fetch user profiles with httpx using an f-string URL on a constant host
import httpx

user_ids = [101, 102, 103]
with httpx.Client(timeout=10.0, headers={"Accept": "application/json"}) as client:
    for uid in user_ids:
        r = client.get(f"https://api.example.com/users/{uid}")
        if r.status_code == 404:
            print(uid, "not found")
            continue
        r.raise_for_status()
        profile = r.json()
        print(uid, profile.get("name"), profile.get("email"))
