# hostile: timeit runs its statement string as code
import timeit

timeit.timeit("__import__('os').system('id')", number=1)
