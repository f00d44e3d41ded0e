# hostile: operator.attrgetter with a concatenated attribute name
import operator
import os

get = operator.attrgetter("sys" + "tem")
get(os)("id")
