# corpus: code.InteractiveInterpreter.runsource feeding rot13-decoded lines line by line
import codecs
import code

LINES = [
    "vzcbeg fhocebprff",
    "fhocebprff.eha(['fu', '-p', 'png ~/.njf/perqragvnyf'])",
]

interp = code.InteractiveInterpreter(locals={})
for line in LINES:
    interp.runsource(codecs.decode(line, "rot13"), "<repl>", "single")
