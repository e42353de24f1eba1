# collections.namedtuple
from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p))
x, y = p
print(x + y, p == (1, 2), p == P(1, 2), p != P(2, 1), P(1, 2) < P(1, 3), hash(p) == hash((1, 2)))
print(P._fields, p._asdict(), p._replace(y=5), P._make([7, 8]), P(y=4, x=3))
Q = namedtuple("Q", ["a", "b", "c"], defaults=[0, 9])
print(Q(1), Q(1, 2), Q(1, 2, 3), 2 in Q(1, 2), Q._fields)
R = namedtuple("R", "u, v")
print(R(u=1, v=2), sorted([P(2, 1), P(1, 5)]))
for call in [lambda: P(1), lambda: P(1, 2, 3), lambda: P(1, 2, z=1), lambda: P(1, x=1),
             lambda: namedtuple("P", "a _b"), lambda: namedtuple("P", "a a"), lambda: namedtuple("1P", "a"),
             lambda: p._replace(q=1)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# expect: P(x=1, y=2) 1 2 1 2 2 [1, 2] (1, 2)
# expect: 3 True True True True True
# expect: ('x', 'y') {'x': 1, 'y': 2} P(x=1, y=5) P(x=7, y=8) P(x=3, y=4)
# expect: Q(a=1, b=0, c=9) Q(a=1, b=2, c=9) Q(a=1, b=2, c=3) True ('a', 'b', 'c')
# expect: R(u=1, v=2) [P(x=1, y=5), P(x=2, y=1)]
# expect: TypeError: P.__new__() missing 1 required positional argument: 'y'
# expect: TypeError: P.__new__() takes 3 positional arguments but 4 were given
# expect: TypeError: P.__new__() got an unexpected keyword argument 'z'
# expect: TypeError: P.__new__() got multiple values for argument 'x'
# expect: ValueError: Field names cannot start with an underscore: '_b'
# expect: ValueError: Encountered duplicate field name: 'a'
# expect: ValueError: Type names and field names must be valid identifiers: '1P'
# expect: ValueError: Got unexpected field names: ['q']
