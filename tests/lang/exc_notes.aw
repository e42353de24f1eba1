# add_note and __notes__
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as err:
    print("TypeError:", err)
try:
    ValueError().__notes__
except AttributeError as err:
    print("AttributeError:", err)
# expect: False
# expect: ['first', 'second']
# expect: TypeError: note must be a str, not 'int'
# expect: TypeError: Cannot add note: __notes__ is not a list
# expect: AttributeError: 'ValueError' object has no attribute '__notes__'
