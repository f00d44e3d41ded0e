# corpus: check a dataset's size and type with http.client HEAD on data.example.org
import http.client

conn = http.client.HTTPSConnection("data.example.org", timeout=10)
try:
    conn.request("HEAD", "/datasets/weather/2024.csv")
    resp = conn.getresponse()
    print("status:", resp.status, resp.reason)
    length = resp.getheader("Content-Length")
    print("type:", resp.getheader("Content-Type"))
    if length:
        print(f"size: {int(length) / 1e6:.2f} MB")
finally:
    conn.close()
