# hostile: a requests session that ignores the proxy configuration
import requests

s = requests.Session()
s.trust_env = False
s.get("https://api.example.com/v1/items")
