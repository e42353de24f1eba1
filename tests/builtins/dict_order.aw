# Insertion order is kept across deletes, re-inserts and growth.
d = {}
for i in range(20):
    d[i] = i
for i in range(0, 20, 2):
    del d[i]
d[0] = "again"
print(list(d))
d[5] = "updated"
print(list(d.items())[:3])
big = {str(i): i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[str(i)]
print(len(big), list(big)[:5], sum(big.values()))
while len(big) > 2:
    big.popitem()
print(big)
# expect: [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 0]
# expect: [(1, 1), (3, 3), (5, 'updated')]
# expect: 666 ['1', '2', '4', '5', '7'] 332667
# expect: {'1': 1, '2': 2}
