# splitlines recognises every line boundary; keepends keeps them.
print("a\nb\r\nc\rd".splitlines())
print("a\nb\r\nc\rd\n".splitlines(True))
print("x\x0by\x0cz\x1cw\x85v\u2028u\u2029t".splitlines())
print("".splitlines(), "\n".splitlines(), "\n\n".splitlines(keepends=True))
print("no newline".splitlines())
# expect: ['a', 'b', 'c', 'd']
# expect: ['a\n', 'b\r\n', 'c\r', 'd\n']
# expect: ['x', 'y', 'z', 'w', 'v', 'u', 't']
# expect: [] [''] ['\n', '\n']
# expect: ['no newline']
