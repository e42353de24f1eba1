# derive, and what split copies onto the derived groups (traceback, cause, context, notes)
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
print(repr(eg.derive([KeyError()])))
eg.add_note("a note")
eg.__cause__ = RuntimeError("cause")
eg.__context__ = OSError("context")
eg.__suppress_context__ = False
m, r = eg.split(TypeError)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__)
print(m.__cause__ is eg.__cause__, r.__context__ is eg.__context__)
try:
    raise eg
except ExceptionGroup as caught:
    m2 = caught.subgroup(ValueError)
    print(m2.__traceback__ is caught.__traceback__, caught.__traceback__ is not None)
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(self.message + "!", excs)
t = Tagged("t", [ValueError(1), KeyError(2)])
print(repr(t.split(ValueError)))
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42
try:
    BadDerive("b", [ValueError(1), KeyError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)
# expect: ExceptionGroup('eg', [KeyError()])
# expect: ['a note'] ['a note'] False
# expect: RuntimeError('cause') OSError('context') True
# expect: True True
# expect: True True
# expect: (Tagged('t!', [ValueError(1)]), Tagged('t!', [KeyError(2)]))
# expect: TypeError: derive must return an instance of BaseExceptionGroup
