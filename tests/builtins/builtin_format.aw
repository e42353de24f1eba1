# format()
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(255, "x"), format(1234567, ","))
print(format(1.5), format("s"), format(None), repr(format(12, "")))
class F:
    def __format__(self, spec): return "F[" + spec + "]"
print(format(F(), "abc"), f"{F():zz}")
try:
    format(1, "q")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1, 2)
except TypeError as e:
    print("TypeError:", e)
# expect: 3.14 00042   x ff 1,234,567
# expect: 1.5 s None '12'
# expect: F[abc] F[zz]
# expect: ValueError: Unknown format code 'q' for object of type 'int'
# expect: TypeError: format() argument 2 must be str, not int
