# ExceptionGroup / BaseExceptionGroup construction, validation and class choice
def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: ExceptionGroup("m", [ValueError(1)]))
attempt(lambda: ExceptionGroup("m", (ValueError(1), TypeError(2))))
attempt(lambda: str(ExceptionGroup("m", (ValueError(1), TypeError(2)))))
attempt(lambda: str(ExceptionGroup("m", [ValueError(1)])))
attempt(lambda: ExceptionGroup("m", {ValueError(1)}))
attempt(lambda: ExceptionGroup("m", []))
attempt(lambda: ExceptionGroup("m", [1]))
attempt(lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt(lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: type(BaseExceptionGroup("m", [ValueError()])).__name__)
attempt(lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt(lambda: ExceptionGroup(1, [ValueError()]))
attempt(lambda: ExceptionGroup("m"))
attempt(lambda: ExceptionGroup("m", [ValueError()], 3))
attempt(lambda: ExceptionGroup("m", [ValueError()], x=3))
attempt(lambda: ExceptionGroup("m", "ab"))
eg = ExceptionGroup("msg", [ValueError("v"), TypeError("t")])
print(eg.message, eg.exceptions, eg.args)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
try:
    eg.message = "other"
except AttributeError as e:
    print("AttributeError:", e)
try:
    raise eg
except Exception as e:
    print("caught as Exception:", e)
class MyEG(ExceptionGroup):
    pass
attempt(lambda: MyEG("x", [ValueError(1)]))
attempt(lambda: MyEG("x", [KeyboardInterrupt()]))
# expect: ok ExceptionGroup('m', [ValueError(1)])
# expect: ok ExceptionGroup('m', (ValueError(1), TypeError(2)))
# expect: ok 'm (2 sub-exceptions)'
# expect: ok 'm (1 sub-exception)'
# expect: TypeError: second argument (exceptions) must be a sequence
# expect: ValueError: second argument (exceptions) must be a non-empty sequence
# expect: ValueError: Item 0 of second argument (exceptions) is not an exception
# expect: ValueError: Item 1 of second argument (exceptions) is not an exception
# expect: TypeError: Cannot nest BaseExceptions in an ExceptionGroup
# expect: ok 'ExceptionGroup'
# expect: ok BaseExceptionGroup('m', [KeyboardInterrupt()])
# expect: TypeError: BaseExceptionGroup.__new__() argument 1 must be str, not int
# expect: TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)
# expect: TypeError: BaseExceptionGroup.__new__() takes exactly 2 arguments (3 given)
# expect: TypeError: ExceptionGroup() takes no keyword arguments
# expect: ValueError: Item 0 of second argument (exceptions) is not an exception
# expect: msg (ValueError('v'), TypeError('t')) ('msg', [ValueError('v'), TypeError('t')])
# expect: True True True
# expect: AttributeError: readonly attribute
# expect: caught as Exception: msg (2 sub-exceptions)
# expect: ok MyEG('x', [ValueError(1)])
# expect: TypeError: Cannot nest BaseExceptions in 'MyEG'
