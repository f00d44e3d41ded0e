# hostile: .netrc passwords extracted
import netrc
import os

n = netrc.netrc(os.path.join(os.environ["HOME"], ".netrc"))
print(n.hosts)
