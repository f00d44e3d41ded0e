# corpus: deep-merge default and user configuration dicts using copy.deepcopy and ChainMap
import copy
import json
from collections import ChainMap

DEFAULTS = {"db": {"host": "localhost", "port": 5432, "pool": {"min": 1, "max": 5}}, "debug": False}
USER = {"db": {"port": 6543, "pool": {"max": 20}}, "debug": True}

def deep_merge(base, override):
    result = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = deep_merge(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result

merged = deep_merge(DEFAULTS, USER)
print(json.dumps(merged, indent=2))
print("defaults untouched:", DEFAULTS["db"]["pool"])
flat = ChainMap({"debug": True}, {"debug": False, "name": "app"})
print(flat["debug"], flat["name"])
