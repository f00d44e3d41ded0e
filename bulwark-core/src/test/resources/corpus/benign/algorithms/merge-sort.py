# corpus: recursive merge sort with a stability check
def merge_sort(items, key=lambda x: x):
    if len(items) <= 1:
        return list(items)
    mid = len(items) // 2
    left = merge_sort(items[:mid], key)
    right = merge_sort(items[mid:], key)
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            merged.append(right[j]); j += 1
        else:
            merged.append(left[i]); i += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged

people = [("bo", 31), ("al", 25), ("cy", 31), ("di", 22), ("ed", 25)]
print(merge_sort(people, key=lambda p: p[1]))
assert merge_sort([5, 3, 9, 1, 1, 0]) == sorted([5, 3, 9, 1, 1, 0])
