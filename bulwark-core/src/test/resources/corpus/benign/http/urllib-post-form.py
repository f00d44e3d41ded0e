# corpus: POST urlencoded form data to api.example.com with urllib
import json
import urllib.error
import urllib.parse
import urllib.request

data = urllib.parse.urlencode({"query": "sandbox", "lang": "en", "limit": 5}).encode()
req = urllib.request.Request("https://api.example.com/search", data=data, method="POST")
req.add_header("Content-Type", "application/x-www-form-urlencoded")

try:
    with urllib.request.urlopen(req, timeout=10) as resp:
        results = json.loads(resp.read())
        for hit in results.get("hits", []):
            print(hit.get("title"))
except urllib.error.HTTPError as err:
    print("HTTP error", err.code, err.reason)
except urllib.error.URLError as err:
    print("network error", err.reason)
