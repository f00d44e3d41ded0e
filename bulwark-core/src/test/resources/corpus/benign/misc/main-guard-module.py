# corpus: module with helpers, doctests and an if __name__ == "__main__" entry point
"""Utilities for working with percentages."""

def pct_change(old: float, new: float) -> float:
    """Return the percentage change from old to new.

    >>> pct_change(50, 75)
    50.0
    >>> pct_change(80, 60)
    -25.0
    """
    if old == 0:
        raise ZeroDivisionError("old value is zero")
    return (new - old) / old * 100

def clamp(x, lo=0.0, hi=100.0):
    """>>> clamp(120)
    100.0
    """
    return float(max(lo, min(hi, x)))

def main():
    import doctest
    failures, tests = doctest.testmod()
    print(f"{tests} doctests, {failures} failures")
    print(f"{pct_change(1200, 1500):.1f}%")

if __name__ == "__main__":
    main()
