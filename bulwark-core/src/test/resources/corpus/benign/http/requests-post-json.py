# corpus: POST a computed summary to api.example.com with requests
import statistics
import requests

readings = [21.4, 21.9, 22.3, 22.1, 21.7]
payload = {
    "sensor": "lab-3",
    "mean": round(statistics.mean(readings), 2),
    "max": max(readings),
    "count": len(readings),
}

resp = requests.post("https://api.example.com/v1/metrics", json=payload, timeout=10)
if resp.status_code == 201:
    print("stored metric", resp.json().get("id"))
else:
    print("server said", resp.status_code, resp.text[:200])
