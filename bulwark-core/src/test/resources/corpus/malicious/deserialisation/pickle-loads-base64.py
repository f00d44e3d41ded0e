# corpus: pickle.loads(base64.b64decode(...)) of an embedded blob whose opcodes call os.system
import base64
import pickle

blob = "gASVHgAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg=="
pickle.loads(base64.b64decode(blob))
