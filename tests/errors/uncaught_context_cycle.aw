# a cycle in __context__ is printed once, without looping
a = ValueError("a")
b = KeyError("b")
a.__context__ = b
b.__context__ = a
raise a  # expect runtime error: ValueError: a
