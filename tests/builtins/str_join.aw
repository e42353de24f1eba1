# str.join over lists, tuples and other iterables; type errors.
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(",".join(["a", "b", "c"]))
print("".join(("x", "y")))
print("-".join(c for c in "abc"))
print(", ".join({"k": 1, "j": 2}))
print(repr(" ".join([])), repr("x".join(["only"])))
print("é".join(["a", "b"]))
check(lambda: ",".join(["a", 1]))
check(lambda: ",".join(5))
check(lambda: ",".join())
# expect: a,b,c
# expect: xy
# expect: a-b-c
# expect: k, j
# expect: '' 'only'
# expect: aéb
# expect: TypeError sequence item 1: expected str instance, int found
# expect: TypeError can only join an iterable
# expect: TypeError str.join() takes exactly one argument (0 given)
