# Membership is arithmetic for ints; iteration and reversed.
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -3 in range(0, -10, -3))
print(2.0 in range(3), 2.5 in range(3), "a" in range(3), True in range(2))
print(10**15 in range(0, 10**18, 5))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), type(iter(range(1))).__name__)
total = 0
for i in range(1000):
    total += i
print(total)
big = range(-2**62, 2**62, 2**60)
print(len(big), big[3])
# expect: True False True False True
# expect: True False False True
# expect: True
# expect: [7, 4, 1] [] range_iterator
# expect: 499500
# expect: 8 -1152921504606846976
