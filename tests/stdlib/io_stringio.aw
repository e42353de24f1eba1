# io.StringIO
import io
s = io.StringIO()
print(s.write("hello "), s.write("wörld\n"), s.write("line2"))
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print(list(s))
s = io.StringIO("abc")
print(s.read(1), s.tell(), s.read(5))
print("x", "y", file=s, sep="-")
print(repr(s.getvalue()))
with io.StringIO() as t:
    t.write("z")
print(t.closed)
try:
    t.write("again")
except ValueError as e:
    print("ValueError:", e)
print(issubclass(io.UnsupportedOperation, OSError))
# expect: 6 6 5
# expect: 'hello wörld\nline2'
# expect: 'hello wörld\n' 'line2' ''
# expect: ['a\n', 'b\n', 'c']
# expect: a 1 bc
# expect: 'abcx-y\n'
# expect: True
# expect: ValueError: I/O operation on closed file
# expect: True
