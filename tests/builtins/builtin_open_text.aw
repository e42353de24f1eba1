# open() in text mode: write, read, readline, iteration, append, context manager
path = "/tmp/aw_builtin_open_text.txt"
with open(path, "w") as f:
    print(f.write("héllo\n"), f.write("world\nlast"))
    print(f.closed, f.name == path, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print([line for line in f])
with open(path) as f:
    print(f.readlines())
with open(path, "a") as f:
    f.write("\nappended")
f = open(path, "r")
print(repr(f.read(3)), repr(f.read(2)), repr(f.read()))
f.close()
f.close()
with open(path, "w") as f:
    f.writelines(["a\n", "b\n"])
print(open(path).read().splitlines())
# expect: 6 10
# expect: False True w
# expect: True
# expect: 'héllo\nworld\nlast'
# expect: 'héllo\n' 'world\n' 'last' ''
# expect: ['héllo\n', 'world\n', 'last']
# expect: ['héllo\n', 'world\n', 'last']
# expect: 'hél' 'lo' '\nworld\nlast\nappended'
# expect: ['a', 'b']
