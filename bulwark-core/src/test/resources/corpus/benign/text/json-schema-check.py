# corpus: hand-written JSON shape validation with helpful error paths
import json

SCHEMA = {"name": str, "age": int, "tags": list, "address": {"city": str, "zip": str}}

def check(obj, schema, path="$"):
    errors = []
    for key, expected in schema.items():
        here = f"{path}.{key}"
        if key not in obj:
            errors.append(f"{here}: missing")
        elif isinstance(expected, dict):
            if isinstance(obj[key], dict):
                errors += check(obj[key], expected, here)
            else:
                errors.append(f"{here}: expected object")
        elif not isinstance(obj[key], expected):
            errors.append(f"{here}: expected {expected.__name__}, got {type(obj[key]).__name__}")
    return errors

docs = [
    '{"name": "Ana", "age": 31, "tags": [], "address": {"city": "Porto", "zip": "4000"}}',
    '{"name": "Bo", "age": "31", "address": {"city": 7}}',
]
for d in docs:
    errs = check(json.loads(d), SCHEMA)
    print("OK" if not errs else "\n".join(errs))
