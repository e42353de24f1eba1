# A generator still suspended inside try/finally when the program ends is
# closed then, as CPython closes it when it clears the module's globals.
def gen():
    try:
        yield 1
    finally:
        print("closed at exit")


g = gen()
print(next(g))
print("end")
# expect: 1
# expect: end
# expect: closed at exit
