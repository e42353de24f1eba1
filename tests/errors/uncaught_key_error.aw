# KeyError's message is the repr of its key
d = {"a": 1}
print(d["a"])
print(d["zz"])  # expect runtime error: KeyError: 'zz'
# expect: 1
