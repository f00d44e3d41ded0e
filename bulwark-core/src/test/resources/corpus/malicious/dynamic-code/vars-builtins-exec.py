# corpus: exec looked up via vars(__builtins__) / builtins.__dict__ mapping
import builtins

table = vars(builtins)
runner = table["exec"]
runner("open('/tmp/owned', 'w').write(open('/etc/passwd').read())")
