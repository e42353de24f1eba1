# BaseException args, str() and repr() for zero, one and several arguments
for e in [ValueError(), ValueError("bad"), ValueError("a", 1), ValueError(42), Exception(None)]:
    print(repr(e), "|", str(e), "|", e.args)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(RuntimeError("x'y")), str(TypeError(["l", 1])))
class MyError(Exception):
    pass
print(repr(MyError("m")), str(MyError("m", 2)), MyError().args)
print(type(ValueError("v")).__name__, isinstance(ValueError(), Exception))
# expect: ValueError() |  | ()
# expect: ValueError('bad') | bad | ('bad',)
# expect: ValueError('a', 1) | ('a', 1) | ('a', 1)
# expect: ValueError(42) | 42 | (42,)
# expect: Exception(None) | None | (None,)
# expect: KeyError('k') 'k'  (1, 2)
# expect: RuntimeError("x'y") ['l', 1]
# expect: MyError('m') ('m', 2) ()
# expect: ValueError True
