# corpus: pkgutil.resolve_name resolving 'os:system' from a string
import pkgutil

run = pkgutil.resolve_name("os:" + "system")
run("id")
