# input() reads a line from stdin; EOFError at the end (stdin is empty here)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
# expect: EOFError: EOF when reading a line
