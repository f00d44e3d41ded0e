# corpus: binary search variants (first/last occurrence) with bisect comparison
import bisect

def first_ge(arr, target):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo

def last_le(arr, target):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        if arr[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1

data = [1, 3, 3, 3, 7, 9, 12, 12, 20]
for t in (0, 3, 8, 12, 25):
    assert first_ge(data, t) == bisect.bisect_left(data, t)
    print(t, first_ge(data, t), last_le(data, t))
