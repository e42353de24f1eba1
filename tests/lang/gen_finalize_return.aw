# A return from inside a for loop closes the loop's own generator before
# the caller sees the result; nested loops close innermost first.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("closed", name)


def first():
    for x in gen("a"):
        return x


def nested():
    for x in gen("outer"):
        for y in gen("inner"):
            return x + y


print(first())
print(nested())
# expect: closed a
# expect: 1
# expect: closed inner
# expect: closed outer
# expect: 2
