# traceback.format_exc marks the failing part of a line: ^ under a call, name or attribute, ~ and ^ for operators and subscripts.
import traceback

def show(f):
    try:
        f()
    except Exception:
        # Frames below show's own, without the "File" lines (they hold paths).
        for line in traceback.format_exc().splitlines()[3:]:
            if not line.startswith("  File"):
                print(line)

class Obj:
    def method(self, x):
        return x.missing

def divide(a, b):
    return a + a / b

def lookup(d):
    return d["a"]["b"] + 1

def calls():
    value = divide(1, 0)
    return value

def methods():
    x = {}
    return x.get("a").upper()

def targets():
    a, b = [1, 2, 3]

def checks():
    assert 1 + 1 == 3, "math"

show(lambda: lookup({"a": {}}))
show(calls)
show(lambda: Obj().method(5))
show(methods)
show(targets)
show(checks)
show(lambda: undefined_name)
# expect:     show(lambda: lookup({"a": {}}))
# expect:                  ^^^^^^^^^^^^^^^^^
# expect:     return d["a"]["b"] + 1
# expect:            ~~~~~~^^^^^
# expect: KeyError: 'b'
# expect:     value = divide(1, 0)
# expect:             ^^^^^^^^^^^^
# expect:     return a + a / b
# expect:                ~~^~~
# expect: ZeroDivisionError: division by zero
# expect:     show(lambda: Obj().method(5))
# expect:                  ^^^^^^^^^^^^^^^
# expect:     return x.missing
# expect:            ^^^^^^^^^
# expect: AttributeError: 'int' object has no attribute 'missing'
# expect:     return x.get("a").upper()
# expect:            ^^^^^^^^^^^^^^^^
# expect: AttributeError: 'NoneType' object has no attribute 'upper'
# expect:     a, b = [1, 2, 3]
# expect:     ^^^^
# expect: ValueError: too many values to unpack (expected 2)
# expect:     assert 1 + 1 == 3, "math"
# expect:            ^^^^^^^^^^
# expect: AssertionError: math
# expect:     show(lambda: undefined_name)
# expect:                  ^^^^^^^^^^^^^^
# expect: NameError: name 'undefined_name' is not defined
