# bound methods compare and hash by (self identity, function)
l = []
print(l.append == l.append, l.append == [].append, hash(l.append) == hash(l.append))
class A:
    def m(self):
        pass
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
a, b = A(), A()
print(a.m == a.m, a.m == b.m, {a.m: 1}[a.m], A.m == A.m, len == len, len == abs)
# expect: True False True
# expect: True False 1 True True False
