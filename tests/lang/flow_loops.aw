# while/for with else, break, continue, nested loops, constant conditions.
for i in range(3):
    pass
else:
    print("for else", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not printed")
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print("while", n)
else:
    print("not printed")
while False:
    print("never")
else:
    print("while else")
k = 0
while True:
    k += 1
    if k > 3:
        break
print("k", k)
out = []
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > a:
            break
        out.append((a, b))
print(out)
x = 3
if x == 1:
    print("one")
elif x == 2:
    print("two")
elif x == 3:
    print("three")
else:
    print("other")
if not x:
    print("no")
elif x > 2 and x < 4 or x == 10:
    print("range")
print("yes" if x else "no", x if x > 5 else -x)
def side(v):
    print("side", v)
    return v
if side(0) or side(1) and side(2):
    print("took")
if (side(0) if side(1) else side(2)):
    print("no")
else:
    print("ifexp false")
# expect: for else 2
# expect: while 1
# expect: while 3
# expect: while else
# expect: k 4
# expect: [(1, 0), (2, 0), (2, 1)]
# expect: three
# expect: range
# expect: yes -3
# expect: side 0
# expect: side 1
# expect: side 2
# expect: took
# expect: side 1
# expect: side 0
# expect: ifexp false
