# The in-place update methods.
s = {1, 2, 3}
s.update([4], (5, 6))
print(s)
s.intersection_update(range(2, 7), [2, 3, 4, 9])
print(s)
s.difference_update([2], {3})
print(s)
s.symmetric_difference_update([4, 7])
print(s)
t = {1, 2}
t.difference_update(t)
print(t)
# expect: {1, 2, 3, 4, 5, 6}
# expect: {2, 3, 4}
# expect: {4}
# expect: {7}
# expect: set()
