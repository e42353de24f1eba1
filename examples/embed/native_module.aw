# Run by native_module.c, which defines the module `geo` in C.
import geo

print(geo.hypot(3, 4))
print(geo.describe({"name": "box", "sides": [1, 2, 3.5]}))
print(geo.split_words("the quick  brown fox"))
print(geo.checksum(b"hello"))

# Host objects: opaque to scripts, with a C finalizer.
c = geo.Counter(10)
for _ in range(3):
    geo.bump(c)
print(type(c).__name__, geo.value(c))

# C calling back into a script function.
print(geo.apply_twice(lambda x: x * 3, 7))

# Errors raised by natives are ordinary exceptions.
for bad in (lambda: geo.hypot("3", 4), lambda: geo.hypot(1), lambda: geo.value(5),
            lambda: geo.apply_twice(lambda x: 1 / 0, 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)

def summary(items):
    return {"count": len(items), "first": items[0]}
