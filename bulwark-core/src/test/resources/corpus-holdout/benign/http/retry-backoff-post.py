# corpus: POST JSON to api.example.com with exponential backoff on 5xx and 429 responses
import json
import random
import time
import urllib.error
import urllib.request

ENDPOINT = "https://api.example.com/v1/events"

def post_with_retry(body, attempts=5):
    data = json.dumps(body).encode()
    for attempt in range(attempts):
        req = urllib.request.Request(
            ENDPOINT, data=data, method="POST",
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as err:
            if err.code != 429 and err.code < 500:
                raise
            delay = min(30, 2 ** attempt) + random.random()
            print(f"attempt {attempt + 1} got {err.code}, sleeping {delay:.1f}s")
            time.sleep(delay)
    raise RuntimeError("gave up after retries")

print(post_with_retry({"type": "build.finished", "duration_ms": 8123, "ok": True}))
