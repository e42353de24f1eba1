# A for loop that breaks out of the generator it made closes it right
# there: its finally runs before the statement after the loop.
def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("closed", n)


for x in gen(3):
    print("got", x)
    if x == 1:
        break
print("after break")
for x in gen(2):
    pass
print("after exhausting")
# expect: got 0
# expect: got 1
# expect: closed 3
# expect: after break
# expect: closed 2
# expect: after exhausting
