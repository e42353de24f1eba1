# An exception leaving a for loop closes the loop's generator as it
# unwinds, before the handler runs, also across frames.
def gen(name):
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit in", name)
        raise
    finally:
        print("closed", name)


try:
    for x in gen("here"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


def inner():
    for x in gen("deep"):
        1 / 0


try:
    inner()
except ZeroDivisionError:
    print("caught ZeroDivisionError")
# expect: GeneratorExit in here
# expect: closed here
# expect: caught boom
# expect: GeneratorExit in deep
# expect: closed deep
# expect: caught ZeroDivisionError
