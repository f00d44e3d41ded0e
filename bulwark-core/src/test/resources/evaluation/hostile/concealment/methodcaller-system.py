# hostile: operator.methodcaller hides the call of os.system
import operator
import os

call = operator.methodcaller("sys" + "tem", "cat /etc/passwd")
call(os)
