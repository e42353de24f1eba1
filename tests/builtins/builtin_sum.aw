# sum(): ints, floats, start, other types
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.1] * 10), sum([1, 2.5]), sum([True, True]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum(range(101)), sum([1.5, 2], start=1))
class N:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return N(o + self.v)
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
print(sum([N(1), N(2)]).v)
for call in [lambda: sum(["a", "b"], ""), lambda: sum([1], "a"), lambda: sum([b"a"], b""),
             lambda: sum(["a"]), lambda: sum()]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
# expect: 6 0 13 0.9999999999999999 3.5 2
# expect: [1, 2, 3] (1, 2) 5050 4.5
# expect: 3
# expect: TypeError: sum() can't sum strings [use ''.join(seq) instead]
# expect: TypeError: sum() can't sum strings [use ''.join(seq) instead]
# expect: TypeError: sum() can't sum bytes [use b''.join(seq) instead]
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: sum() takes at least 1 positional argument (0 given)
