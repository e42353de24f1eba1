# traceback: format_exc, format_exception, format_exception_only, print_exc to a file
import traceback
print(repr(traceback.format_exc()))
def fail():
    raise ValueError("bad")
try:
    fail()
except ValueError as e:
    text = traceback.format_exc()
    print(text.splitlines()[0], "|", text.splitlines()[-1])
    print(len(traceback.format_exception(e)) >= 3, traceback.format_exception(e)[-1])
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)) == text)
print(traceback.format_exception(KeyError("k")))
class Sink:
    def __init__(self): self.text = ""
    def write(self, s): self.text += s
s = Sink()
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc(file=s)
print(s.text.splitlines()[-1])
s2 = Sink()
traceback.print_exception(RuntimeError("x"), file=s2)
print(repr(s2.text))
# expect: 'NoneType: None\n'
# expect: Traceback (most recent call last): | ValueError: bad
# expect: True ValueError: bad
# expect: 
# expect: ['ValueError: bad\n']
# expect: True
# expect: ["KeyError: 'k'\n"]
# expect: ZeroDivisionError: division by zero
# expect: 'RuntimeError: x\n'
