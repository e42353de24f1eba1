# stdin: first line
# stdin: second
# input() returns each stdin line without its newline; a prompt goes to stdout
print(repr(input()))
print(repr(input("prompt> ")))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
# expect: 'first line'
# expect: prompt> 'second'
# expect: EOFError: EOF when reading a line
