# keyword arguments to exception constructors
def attempt(f):
    try:
        r = f()
        print("ok", r)
    except TypeError as e:
        print("TypeError:", e)
attempt(lambda: ValueError(x=1))
attempt(lambda: KeyError("k", y=2))
attempt(lambda: ImportError("a", x=1))
attempt(lambda: ImportError("a", name="n", path="p").name)
attempt(lambda: ImportError("a", name="n", path="p").path)
attempt(lambda: ImportError("a").name)
attempt(lambda: ModuleNotFoundError("No module named 'zz'", name="zz").name)
attempt(lambda: str(ImportError("a", "b", name="n")))
attempt(lambda: ImportError("m").msg)
attempt(lambda: AttributeError("a", name="n", obj=3).obj)
attempt(lambda: AttributeError("a").name)
attempt(lambda: AttributeError("a", foo=3))
attempt(lambda: NameError("a", name="n").name)
# expect: TypeError: ValueError() takes no keyword arguments
# expect: TypeError: KeyError() takes no keyword arguments
# expect: TypeError: 'x' is an invalid keyword argument for ImportError()
# expect: ok n
# expect: ok p
# expect: ok None
# expect: ok zz
# expect: ok ('a', 'b')
# expect: ok m
# expect: ok 3
# expect: ok None
# expect: TypeError: 'foo' is an invalid keyword argument for AttributeError()
# expect: ok n
