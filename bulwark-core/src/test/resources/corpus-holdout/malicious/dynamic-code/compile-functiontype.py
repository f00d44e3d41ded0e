# corpus: compile a hex-decoded string and run it through types.FunctionType without calling exec or eval
import types

HEX = "696d706f7274206f733b206f732e73797374656d282769642729"

code = compile(bytes.fromhex(HEX).decode(), "<plugin>", "exec")
plugin = types.FunctionType(code, {"__builtins__": __builtins__})
plugin()
