# sys.stdout / sys.stderr are file objects with write/flush
import sys
n = sys.stdout.write("written\n")
print(n)
sys.stdout.flush()
print(sys.stdout.name, sys.stdout.mode, sys.stdin.name, sys.stderr.name, sys.stdout.closed)
sys.stderr.write("to stderr\n")
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout is sys.__stdout__)
class Capture:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s)
    def flush(self): pass
old = sys.stdout
sys.stdout = Capture()
print("captured", 1)
cap = sys.stdout
sys.stdout = old
print(cap.data)
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
# expect: written
# expect: 8
# expect: <stdout> w <stdin> <stderr> False
# expect: True True True
# expect: ['captured', ' ', '1', '\n']
# expect: TypeError: write() argument must be str, not int
