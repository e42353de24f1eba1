# class attributes, instance attributes, methods, and attribute errors
class Counter:
    count = 0
    def __init__(self, start=0):
        self.value = start
        Counter.count += 1
    def incr(self, by=1):
        self.value += by
        return self
c = Counter(5).incr().incr(3)
print(c.value, Counter.count, c.count)
d = Counter()
print(Counter.count, d.value, hasattr(d, "value"), hasattr(d, "missing"))
d.extra = "x"
print(d.extra, sorted(vars(d).items()))
del d.extra
try:
    d.extra
except AttributeError as e:
    print("AttributeError:", e)
try:
    Counter.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(type(c).__name__, type(c) is Counter, isinstance(c, object))
print(Counter.incr.__name__, Counter.incr.__qualname__)
m = c.incr
print(m.__self__ is c, m.__func__ is Counter.incr)
setattr(c, "value", 42)
print(getattr(c, "value"), getattr(c, "nope", "default"))
# expect: 9 1 1
# expect: 2 0 True False
# expect: x [('extra', 'x'), ('value', 0)]
# expect: AttributeError: 'Counter' object has no attribute 'extra'
# expect: AttributeError: type object 'Counter' has no attribute 'nothing'
# expect: Counter True True
# expect: incr Counter.incr
# expect: True True
# expect: 42 default
