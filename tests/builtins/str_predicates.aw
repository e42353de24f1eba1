# The is* predicates, including empty strings and non-ASCII text.
tests = ["", "abc", "ABC", "Abc", "Abc Def", "abc1", "123", "1.5", " \t\n", "x y",
         "é", "Ünïcode", "½", "²", "٣", "\u00a0", "_id", "1id", "id1", "ǅ", "Hello World",
         "hello world", "\x07", "ab\n"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(),
          t.isascii(), t.isprintable())
try:
    "a".isalpha(1)
except TypeError as e:
    print(e)
# expect: '' False False False False False False False False False False True True
# expect: 'abc' True False False False True False False True False True True True
# expect: 'ABC' True False False False True False True False False True True True
# expect: 'Abc' True False False False True False False False True True True True
# expect: 'Abc Def' False False False False False False False False True False True True
# expect: 'abc1' False False False False True False False True False True True True
# expect: '123' False True True True True False False False False False True True
# expect: '1.5' False False False False False False False False False False True True
# expect: ' \t\n' False False False False False True False False False False True False
# expect: 'x y' False False False False False False False True False False True True
# expect: 'é' True False False False True False False True False True False True
# expect: 'Ünïcode' True False False False True False False False True True False True
# expect: '½' False False False True True False False False False False False True
# expect: '²' False True False True True False False False False False False True
# expect: '٣' False True True True True False False False False False False True
# expect: '\xa0' False False False False False True False False False False False False
# expect: '_id' False False False False False False False True False True True True
# expect: '1id' False False False False True False False True False False True True
# expect: 'id1' False False False False True False False True False True True True
# expect: 'ǅ' True False False False True False False False True True False True
# expect: 'Hello World' False False False False False False False False True False True True
# expect: 'hello world' False False False False False False False True False False True True
# expect: '\x07' False False False False False False False False False False True False
# expect: 'ab\n' False False False False False False False True False False True False
# expect: str.isalpha() takes no arguments (1 given)
