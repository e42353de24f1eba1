# type.__subclasses__() lists the direct subclasses still alive, in definition order.
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Tiny(Square): pass

print([c.__name__ for c in Shape.__subclasses__()])
print(Square.__subclasses__() == [Tiny], Tiny.__subclasses__())

def registry(base):
    return {c.__name__: c for c in base.__subclasses__()}

print(sorted(registry(Shape)))
# expect: ['Circle', 'Square']
# expect: True []
# expect: ['Circle', 'Square']
