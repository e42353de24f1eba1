# rich comparison dunders: reflection, default __ne__, identity fallback
class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        print("eq", self.x)
        if not isinstance(other, V):
            return NotImplemented
        return self.x == other.x
    def __lt__(self, other):
        print("lt", self.x)
        return self.x < other.x
    def __repr__(self):
        return "V(%r)" % (self.x,)

a, b = V(1), V(2)
print(a == V(1))
print(a != b)
print(a == 1)
print(a > b)
print(b > a)

class Sub(V):
    def __eq__(self, other):
        print("sub eq")
        return True
print(V(1) == Sub(5))

class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != p)
try:
    print(p < p)
except TypeError as e:
    print("TypeError:", e)
try:
    print(a <= b)
except TypeError as e:
    print("TypeError:", e)
# expect: eq 1
# expect: True
# expect: eq 1
# expect: True
# expect: eq 1
# expect: False
# expect: lt 2
# expect: False
# expect: lt 1
# expect: True
# expect: sub eq
# expect: True
# expect: True False False
# expect: TypeError: '<' not supported between instances of 'Plain' and 'Plain'
# expect: TypeError: '<=' not supported between instances of 'V' and 'V'
