# corpus: operator.attrgetter with a dotted string reaching os.system
import operator
import sys

get = operator.attrgetter("modules")
os_mod = get(sys)["os"]
operator.methodcaller("system", "whoami")(os_mod)
