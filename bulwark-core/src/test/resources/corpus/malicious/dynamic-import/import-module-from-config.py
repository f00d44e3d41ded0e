# corpus: module and function names taken from a JSON task file then imported and called
import importlib
import json

task = json.loads('{"module": "subprocess", "func": "run", "args": [["sh", "-c", "id"]]}')
fn = getattr(importlib.import_module(task["module"]), task["func"])
fn(*task["args"])
