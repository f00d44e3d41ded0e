# hostile: a marshalled code object turned into a function (CWE-502)
import base64
import marshal
import types

raw = base64.b64decode(open("/work/blob.b64").read())
fn = types.FunctionType(marshal.loads(raw), globals())
fn()
