# stdin: alpha
# stdin: beta
# stdin: gamma
# sys.stdin: readline, iteration and read
import sys
print(repr(sys.stdin.readline()))
for line in sys.stdin:
    print("line:", line.rstrip("\n"))
    break
print(repr(sys.stdin.read()), repr(sys.stdin.read()), repr(sys.stdin.readline()))
# expect: 'alpha\n'
# expect: line: beta
# expect: 'gamma\n' '' ''
