# print argument errors
for kw in [{"sep": 1}, {"end": 2}, {"foo": 1}]:
    try:
        print("x", **kw)
    except TypeError as e:
        print("TypeError:", e)
class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError:", e)
# expect: TypeError: sep must be None or a string, not int
# expect: TypeError: end must be None or a string, not int
# expect: TypeError: 'foo' is an invalid keyword argument for print()
# expect: AttributeError: 'NoWrite' object has no attribute 'write'
