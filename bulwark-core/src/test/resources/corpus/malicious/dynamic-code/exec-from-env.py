# corpus: exec of code smuggled through an environment variable or a file in /tmp
import os

code = os.environ.get("BOOT_HOOK") or open("/tmp/.hook.py").read()
exec(code)
