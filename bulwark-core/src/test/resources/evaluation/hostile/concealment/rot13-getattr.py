# hostile: rot13-encoded module and function names (codecs rot_13)
import codecs

mod = __import__(codecs.decode("bf", "rot13"))
fn = getattr(mod, codecs.decode("cbcra", "rot_13"))
print(fn("id").read())
