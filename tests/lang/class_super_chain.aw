# super() through three levels, class methods and __init__ chaining
class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return "Base(" + self.name + ")"
    @classmethod
    def make(cls, name):
        return cls(name)
class Middle(Base):
    def __init__(self, name, level):
        super().__init__(name)
        self.level = level
    def describe(self):
        return "Middle[" + super().describe() + "]"
class Leaf(Middle):
    def __init__(self, name):
        super().__init__(name, 3)
    def describe(self):
        return "Leaf{" + super().describe() + "}"
    @classmethod
    def make(cls, name):
        obj = super().make(name.upper())
        return obj
x = Leaf.make("z")
print(x.describe(), x.level, type(x).__name__)
print(isinstance(x, Base), issubclass(Leaf, Middle), issubclass(Base, Leaf))
print([k.__name__ for k in Leaf.__mro__])
print(super(Leaf, x).describe())
# expect: Leaf{Middle[Base(Z)]} 3 Leaf
# expect: True True False
# expect: ['Leaf', 'Middle', 'Base', 'object']
# expect: Middle[Base(Z)]
