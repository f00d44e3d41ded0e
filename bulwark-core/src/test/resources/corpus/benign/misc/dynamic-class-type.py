# corpus: building simple record classes at runtime with type() and a namespace of methods
def make_record(name, field_names):
    def __init__(self, *values):
        for f, v in zip(field_names, values):
            setattr(self, f, v)

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in field_names)
        return f"{name}({inner})"

    def as_dict(self):
        return {f: getattr(self, f) for f in field_names}

    return type(name, (), {"__init__": __init__, "__repr__": __repr__,
                           "as_dict": as_dict, "__slots__": tuple(field_names)})

Point = make_record("Point", ["x", "y"])
City = make_record("City", ["name", "population"])
print(Point(1, 2), City("Porto", 232000).as_dict())
