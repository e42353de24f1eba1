# SyntaxError fields and str()
e = SyntaxError("bad thing", ("/some/dir/prog.aw", 3, 5, "x = = 1\n"))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text))
print(str(e))
print(e.args)
print(str(SyntaxError("m")), str(SyntaxError()), SyntaxError("m").lineno)
print(str(SyntaxError("m", ("f.aw", None, 2, "t"))))
def attempt(f):
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)
attempt(lambda: SyntaxError("m", ("f", 1)))
attempt(lambda: SyntaxError("m", 5))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
print(str(IndentationError("unexpected indent", ("a.aw", 2, 4, "  x\n"))))
# expect: bad thing /some/dir/prog.aw 3 5 'x = = 1\n'
# expect: bad thing (prog.aw, line 3)
# expect: ('bad thing', ('/some/dir/prog.aw', 3, 5, 'x = = 1\n'))
# expect: m None None
# expect: m (f.aw)
# expect: TypeError: function takes at least 4 arguments (2 given)
# expect: TypeError: 'int' object is not iterable
# expect: True True
# expect: unexpected indent (a.aw, line 2)
