# corpus: requests with retry and exponential backoff on 5xx from api.example.com
import time
import requests

def get_with_retry(url, attempts=4, base_delay=0.5):
    for attempt in range(1, attempts + 1):
        try:
            resp = requests.get(url, timeout=5)
            if resp.status_code < 500:
                return resp
            print(f"attempt {attempt}: server error {resp.status_code}")
        except requests.ConnectionError as exc:
            print(f"attempt {attempt}: {exc.__class__.__name__}")
        time.sleep(base_delay * 2 ** (attempt - 1))
    raise RuntimeError(f"giving up on {url}")

resp = get_with_retry("https://api.example.com/v1/health")
print(resp.status_code, resp.headers.get("Content-Type"))
