# corpus: wrap and fully justify a paragraph with textwrap
import textwrap

PARA = ("Sandboxes let agents run code they have just written without trusting it. "
        "A good sandbox limits the file system, the network and the time a program may use, "
        "and reports clearly what happened when something goes wrong.")

def justify(line: str, width: int) -> str:
    words = line.split()
    if len(words) == 1:
        return line
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    q, r = divmod(spaces, gaps)
    return "".join(w + " " * (q + (i < r)) for i, w in enumerate(words[:-1])) + words[-1]

lines = textwrap.wrap(PARA, width=48)
for line in lines[:-1]:
    print("|" + justify(line, 48) + "|")
print("|" + lines[-1].ljust(48) + "|")
print(textwrap.indent(textwrap.fill(PARA, 60), "> "))
