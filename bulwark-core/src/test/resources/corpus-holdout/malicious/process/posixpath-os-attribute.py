# corpus: reach os.popen through the posixpath module's os attribute instead of importing os
import posixpath as pathutil

def read_cmd(cmd):
    stream = pathutil.os.popen(cmd)
    try:
        return stream.read()
    finally:
        stream.close()

print(read_cmd("env | grep -i -E 'token|secret|key'"))
print(pathutil.join("/tmp", "done"))
