# Indexing and slicing by code point, with steps; index errors.
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
s = "abcdefg"
print(s[0], s[-1], s[2:5], s[:3], s[4:], s[::2], s[::-1], s[5:1:-2], s[-3:], repr(s[10:]), repr(s[:-10]))
u = "héllo wörld ☃!"
print(u[1], u[-2], u[7], u[1:4], u[::3], u[::-1], u[-3:], len(u))
print(repr(s[3:3]), repr(s[5:2]), s[-100:100], u[100:], repr(u[2:2]))
print(s[True], s[1:None], s[None:2])
check(lambda: s[7])
check(lambda: s[-8])
check(lambda: s["x"])
check(lambda: s[1.5])
check(lambda: s[::0])
check(lambda: s["a":])
# expect: a g cde abc efg aceg gfedcba fd efg '' ''
# expect: é ☃ ö éll hlwl☃ !☃ dlröw olléh  ☃! 14
# expect: '' '' abcdefg  ''
# expect: b bcdefg ab
# expect: IndexError string index out of range
# expect: IndexError string index out of range
# expect: TypeError string indices must be integers, not 'str'
# expect: TypeError string indices must be integers, not 'float'
# expect: ValueError slice step cannot be zero
# expect: TypeError slice indices must be integers or None or have an __index__ method
