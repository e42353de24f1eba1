# Calls of bound methods found in every way (class attribute, classmethod of a bound method, instance attribute) through CALL and CALL_METHOD.
class B:
    def f(self, *a):
        return ('B.f', type(self).__name__, a)
b = B()
class A:
    m = classmethod(b.f)
    def g(self):
        h = self.m
        return h(1, 2), self.m(3), A.m(4)
print(A().g())
class C:
    pass
c = C()
c.k = b.f
print(c.k(7, 8), [c.k(i) for i in range(2)])
# expect: (('B.f', 'B', (<class '__main__.A'>, 1, 2)), ('B.f', 'B', (<class '__main__.A'>, 3)), ('B.f', 'B', (<class '__main__.A'>, 4)))
# expect: ('B.f', 'B', (7, 8)) [('B.f', 'B', (0,)), ('B.f', 'B', (1,))]
