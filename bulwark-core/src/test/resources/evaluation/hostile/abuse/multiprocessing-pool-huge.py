# hostile: a process pool far beyond any need
from multiprocessing import Pool

def work(x):
    return x * x

with Pool(processes=100000) as pool:
    print(sum(pool.map(work, range(10))))
