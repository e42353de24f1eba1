# getattr / setattr / hasattr / delattr
class C:
    x = 1
    @property
    def bad(self):
        raise AttributeError("no bad")
c = C()
print(getattr(c, "x"), getattr(c, "y", "dflt"), hasattr(c, "x"), hasattr(c, "y"), hasattr(c, "bad"))
setattr(c, "y", 5)
print(c.y, getattr(c, "y"))
delattr(c, "y")
print(hasattr(c, "y"), getattr(c, "bad", "fallback"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError")
for call in [lambda: getattr(c, 1), lambda: hasattr(c, None), lambda: setattr(c, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print("AttributeError:", e)
# expect: 1 dflt True False False
# expect: 5 5
# expect: False fallback
# expect: AttributeError: 'C' object has no attribute 'missing'
# expect: AttributeError
# expect: TypeError: attribute name must be string, not 'int'
# expect: TypeError: attribute name must be string, not 'NoneType'
# expect: TypeError: attribute name must be string, not 'int'
# expect: AttributeError: 'int' object has no attribute 'x'
