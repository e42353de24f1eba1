# A for loop breaking out of a generator expression closes it, and closing
# it closes the generator it iterates; sum() runs both to their end. An
# error in a comprehension closes the generator of an inner loop at once.
def gen(name):
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("closed", name)


for y in (x * 2 for x in gen("genexpr")):
    print(y)
    break
print(sum(x for x in gen("sum")))
try:
    print([1 // (y - 2) for a in [1] for y in gen("inner loop")])
except ZeroDivisionError:
    print("caught")
# expect: 2
# expect: closed genexpr
# expect: closed sum
# expect: 6
# expect: closed inner loop
# expect: caught
