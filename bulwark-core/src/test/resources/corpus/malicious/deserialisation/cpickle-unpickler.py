# corpus: _pickle.Unpickler / pickle.Unpickler on bytes received from stdin
import io
import sys

try:
    import cPickle as pickle  # Python 2 name still tried by old payloads
except ImportError:
    import _pickle as pickle

obj = pickle.Unpickler(io.BytesIO(sys.stdin.buffer.read())).load()
print(type(obj))
