# eval() and exec() run code at module level in the given or current globals
x = 10
print(eval("x + 1"), eval("  [i * 2 for i in range(3)]"), eval("y", {"y": 5}), eval("len('abc')"))
exec("z = x * 3\nprint('in exec', z)")
print(z)
g = {}
exec("a = 1\ndef f(): return a + 1", g)
print(g["a"], g["f"](), sorted(k for k in g if not k.startswith("__")))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError:", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
print(exec("pass"))
# expect: 11 [0, 2, 4] 5 3
# expect: in exec 30
# expect: 30
# expect: 1 2 ['a', 'f']
# expect: SyntaxError invalid syntax
# expect: NameError: name 'undefined_name' is not defined
# expect: TypeError: eval() arg 1 must be a string, bytes or code object
# expect: None
