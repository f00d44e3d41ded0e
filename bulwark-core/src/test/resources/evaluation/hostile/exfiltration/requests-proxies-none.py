# hostile: per-request proxies disabled
import requests

r = requests.get("https://api.example.com/v1/items", proxies={"http": None, "https": None})
print(r.status_code)
