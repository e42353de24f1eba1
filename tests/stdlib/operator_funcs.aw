# operator: the operators as functions
import operator
from functools import reduce
print(operator.add(2, 3), operator.sub(5, 7), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 8))
print(operator.lshift(1, 4), operator.rshift(256, 2), operator.or_(5, 2), operator.and_(6, 3), operator.xor(6, 3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne("a", "a"), operator.gt(3, 1), operator.ge(1, 2))
print(operator.neg(5), operator.pos(-5), operator.invert(0), operator.not_([]), operator.truth("x"), operator.abs(-3))
print(operator.is_(None, None), operator.is_not(1, None), operator.index(7), operator.concat([1], [2]), operator.contains("abc", "b"))
print(operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.getitem({"k": 1}, "k"))
l = [1, 2, 3]
operator.setitem(l, 0, 9)
operator.delitem(l, 1)
print(l, operator.iadd([1], [2]), reduce(operator.mul, range(1, 6)))
for call in [lambda: operator.indexOf([1], 5), lambda: operator.add(1, "a")]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
# expect: 5 -2 abab 3.5 3 1 256
# expect: 16 64 7 2 5
# expect: True True True False True False
# expect: -5 -5 -1 True True 3
# expect: True True 7 [1, 2] True
# expect: 2 2 1
# expect: [9, 3] [1, 2] 120
# expect: ValueError: sequence.index(x): x not in sequence
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
