# hostile: Caesar-shifted names decoded with ord/chr arithmetic
def unshift(s, k=1):
    return "".join(chr(ord(c) - k) for c in s)

os_mod = __import__(unshift("pt"))
getattr(os_mod, unshift("tztufn"))("id")
