# repr() of str: quote choice and escapes as CPython.
print(repr("abc"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnl\ncr\rbs\\"), repr("\x00\x07\x1b\x7f"), repr("\x80\x9f\xa0\xad"))
print(repr("é日本☃😀"), repr("\u200b\u2028\ufeff"), repr("\U000e0001"), repr("\ud7ff"))
print(repr(""), str("x"), [ "a'b", 'q"' ], ("é",))
print(ascii("é日\n"), ascii("plain"))
# expect: 'abc' "it's" 'say "hi"' 'both \' and "'
# expect: 'tab\tnl\ncr\rbs\\' '\x00\x07\x1b\x7f' '\x80\x9f\xa0\xad'
# expect: 'é日本☃😀' '\u200b\u2028\ufeff' '\U000e0001' '\ud7ff'
# expect: '' x ["a'b", 'q"'] ('é',)
# expect: '\xe9\u65e5\n' 'plain'
