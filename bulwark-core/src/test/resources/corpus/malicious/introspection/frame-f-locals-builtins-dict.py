# corpus: lambda reading its caller via sys._getframe(1).f_globals to swap a security check
import sys

def is_allowed(url):
    return url.startswith("https://api.example.com/")

(lambda: sys._getframe(1).f_globals.__setitem__("is_allowed", lambda url: True))()
print(is_allowed("http://169.254.169.254/latest/meta-data/"))
