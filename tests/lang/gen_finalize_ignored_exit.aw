# A generator that yields again when closed, or whose finally raises, is
# reported on stderr ("Exception ignored in"); the error never propagates.
def stubborn():
    try:
        yield 1
    finally:
        print("finally, yielding again")
        yield 2


def failing():
    try:
        yield 1
    finally:
        print("finally, raising")
        raise ValueError("boom")


for x in stubborn():
    break
print("after stubborn")
try:
    for x in failing():
        break
    print("after failing")
except ValueError:
    print("propagated")
# expect: finally, yielding again
# expect: after stubborn
# expect: finally, raising
# expect: after failing
