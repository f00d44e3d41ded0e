# corpus: inspect.signature and typing.get_type_hints to document a function's parameters
import inspect
from typing import get_type_hints

def resample(series: list[float], factor: int = 2, *, method: str = "mean") -> list[float]:
    """Downsample a series by an integer factor."""
    agg = {"mean": lambda c: sum(c) / len(c), "max": max, "min": min}[method]
    return [agg(series[i:i + factor]) for i in range(0, len(series), factor)]

sig = inspect.signature(resample)
hints = get_type_hints(resample)
print(f"{resample.__name__}{sig}")
print(inspect.getdoc(resample))
for name, param in sig.parameters.items():
    default = "required" if param.default is inspect.Parameter.empty else repr(param.default)
    print(f"  {name:8} {str(hints.get(name)):12} {param.kind.name:16} {default}")
print(resample([1, 2, 3, 4, 5, 6], 3, method="max"))
