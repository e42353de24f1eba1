# print(file=...) calls write() once per piece; flush calls flush()
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
w = W()
print("a", 1, sep=", ", file=w)
print(file=w)
print("x", file=w, end="", flush=True)
print(w.parts)
import sys
print("to stdout", file=sys.stdout)
print("to stdout again", file=None)
# expect: ['a', ', ', '1', '\n', '\n', 'x', '', '<flush>']
# expect: to stdout
# expect: to stdout again
