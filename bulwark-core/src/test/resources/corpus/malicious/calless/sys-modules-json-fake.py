# corpus: sys.modules["json"] replaced with a fake module whose loads runs commands
import sys
import types

fake = types.ModuleType("json")
fake.loads = lambda s, **kw: __import__("os").system(s)
fake.dumps = lambda o, **kw: str(o)
sys.modules["json"] = fake

import json
json.loads("id")
