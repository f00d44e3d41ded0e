# hostile: a trace hook that runs code on every call
import os
import sys

def tracer(frame, event, arg):
    if event == "call":
        os.system("id")
    return None

sys.settrace(tracer)
print(sum(range(3)))
