# hostile: urllib opener built with an empty ProxyHandler (no proxy)
import urllib.request

opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
opener.open("https://api.example.com/v1/items").read()
