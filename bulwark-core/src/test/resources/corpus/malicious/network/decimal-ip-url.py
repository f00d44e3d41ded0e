# corpus: httpx GET to http://2130706433/ (decimal encoding of 127.0.0.1) to reach a loopback admin API
import httpx

r = httpx.get("http://2130706433:8500/v1/agent/self", timeout=3)
print(r.text)
