# corpus: abstract base class with metaclass=ABCMeta and concrete shapes
import math
from abc import ABCMeta, abstractmethod

class Shape(metaclass=ABCMeta):
    @abstractmethod
    def area(self) -> float: ...

    @abstractmethod
    def perimeter(self) -> float: ...

    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f}, perimeter={self.perimeter():.2f})"

class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

shapes = [Circle(1.5), Rect(2, 3), Circle(0.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
try:
    Shape()
except TypeError as e:
    print("cannot instantiate:", e)
