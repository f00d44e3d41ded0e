# corpus: serialising own objects via __dict__, __name__ and __file__ for a report
import json
import os

class Settings:
    def __init__(self, **overrides):
        self.debug = False
        self.workers = 4
        self.output = "/work/out"
        self.__dict__.update(overrides)

    def to_json(self):
        return json.dumps({k: v for k, v in self.__dict__.items() if not k.startswith("_")}, indent=2)

s = Settings(workers=8)
print(type(s).__name__, "from module", __name__)
print("script:", os.path.basename(__file__))
print(s.to_json())
print(sorted(vars(s)))
