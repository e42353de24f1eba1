# format() of str: fill, alignment, width and precision truncation.
for s in ["", "<5", ">5", "^5", "*^6", ".2", "^7.2", "x<7", "05", "s", "10s", "\u00e9>4"]:
    print(repr(format("abc", s)), repr(format("h\u00e9", s)))
print(f"{'x':>3}|{'y':<3}|{'z':^3}|", "{:.1}".format("abc"))
# expect: 'abc' 'hé'
# expect: 'abc  ' 'hé   '
# expect: '  abc' '   hé'
# expect: ' abc ' ' hé  '
# expect: '*abc**' '**hé**'
# expect: 'ab' 'hé'
# expect: '  ab   ' '  hé   '
# expect: 'abcxxxx' 'héxxxxx'
# expect: 'abc00' 'hé000'
# expect: 'abc' 'hé'
# expect: 'abc       ' 'hé        '
# expect: 'éabc' 'ééhé'
# expect:   x|y  | z | a
