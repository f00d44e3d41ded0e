# hostile: httpx client told to ignore proxy variables
import httpx

with httpx.Client(trust_env=False) as c:
    c.get("https://data.example.org/export.csv")
