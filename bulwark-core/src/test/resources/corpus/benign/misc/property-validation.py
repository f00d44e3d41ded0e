# corpus: properties with validation, staticmethod and classmethod constructors
class Temperature:
    __slots__ = ("_kelvin",)

    def __init__(self, kelvin: float):
        self.kelvin = kelvin

    @property
    def kelvin(self) -> float:
        return self._kelvin

    @kelvin.setter
    def kelvin(self, value: float) -> None:
        if value < 0:
            raise ValueError("below absolute zero")
        self._kelvin = float(value)

    @property
    def celsius(self) -> float:
        return self._kelvin - 273.15

    @classmethod
    def from_celsius(cls, c: float) -> "Temperature":
        return cls(c + 273.15)

    @staticmethod
    def describe(c: float) -> str:
        return "freezing" if c <= 0 else "cold" if c < 15 else "mild" if c < 25 else "hot"

    def __repr__(self):
        return f"Temperature({self.celsius:.1f} C)"

    def __eq__(self, other):
        return isinstance(other, Temperature) and abs(self._kelvin - other._kelvin) < 1e-9

t = Temperature.from_celsius(21.5)
print(t, Temperature.describe(t.celsius), t == Temperature(294.65))
try:
    t.kelvin = -5
except ValueError as e:
    print("invalid:", e)
