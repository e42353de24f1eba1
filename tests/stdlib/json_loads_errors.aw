# json.loads errors: JSONDecodeError messages, positions, attributes
import json
docs = ['', '  ', '[1,', '[1 2]', '{"a" 1}', '{1:2}', '{"a":1,}', '[1,]', '"abc', '"a\\qb"', '"\\u12"',
        '"a\nb"', '[1] x', 'nul', 'tru', '-', '1.', '01', '\ufeff1', '[\n1,\n2 3]', '{"a"', '{', '{"a":',
        '"\\', '"\x00"', '[1.]', '"é\\x"', 'true false']
for d in docs:
    try:
        json.loads(d)
        print(repr(d), "parsed")
    except json.JSONDecodeError as e:
        print(repr(d), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads("[")
except ValueError as e:
    print(type(e).__name__, e.doc)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
# expect: '' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1
# expect: '  ' -> Expecting value: line 1 column 3 (char 2) | Expecting value 2 1 3
# expect: '[1,' -> Expecting value: line 1 column 4 (char 3) | Expecting value 3 1 4
# expect: '[1 2]' -> Expecting ',' delimiter: line 1 column 4 (char 3) | Expecting ',' delimiter 3 1 4
# expect: '{"a" 1}' -> Expecting ':' delimiter: line 1 column 6 (char 5) | Expecting ':' delimiter 5 1 6
# expect: '{1:2}' -> Expecting property name enclosed in double quotes: line 1 column 2 (char 1) | Expecting property name enclosed in double quotes 1 1 2
# expect: '{"a":1,}' -> Expecting property name enclosed in double quotes: line 1 column 8 (char 7) | Expecting property name enclosed in double quotes 7 1 8
# expect: '[1,]' -> Expecting value: line 1 column 4 (char 3) | Expecting value 3 1 4
# expect: '"abc' -> Unterminated string starting at: line 1 column 1 (char 0) | Unterminated string starting at 0 1 1
# expect: '"a\\qb"' -> Invalid \escape: line 1 column 3 (char 2) | Invalid \escape 2 1 3
# expect: '"\\u12"' -> Invalid \uXXXX escape: line 1 column 3 (char 2) | Invalid \uXXXX escape 2 1 3
# expect: '"a\nb"' -> Invalid control character at: line 1 column 3 (char 2) | Invalid control character at 2 1 3
# expect: '[1] x' -> Extra data: line 1 column 5 (char 4) | Extra data 4 1 5
# expect: 'nul' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1
# expect: 'tru' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1
# expect: '-' -> Expecting value: line 1 column 1 (char 0) | Expecting value 0 1 1
# expect: '1.' -> Extra data: line 1 column 2 (char 1) | Extra data 1 1 2
# expect: '01' -> Extra data: line 1 column 2 (char 1) | Extra data 1 1 2
# expect: '\ufeff1' -> Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0) | Unexpected UTF-8 BOM (decode using utf-8-sig) 0 1 1
# expect: '[\n1,\n2 3]' -> Expecting ',' delimiter: line 3 column 3 (char 7) | Expecting ',' delimiter 7 3 3
# expect: '{"a"' -> Expecting ':' delimiter: line 1 column 5 (char 4) | Expecting ':' delimiter 4 1 5
# expect: '{' -> Expecting property name enclosed in double quotes: line 1 column 2 (char 1) | Expecting property name enclosed in double quotes 1 1 2
# expect: '{"a":' -> Expecting value: line 1 column 6 (char 5) | Expecting value 5 1 6
# expect: '"\\' -> Unterminated string starting at: line 1 column 1 (char 0) | Unterminated string starting at 0 1 1
# expect: '"\x00"' -> Invalid control character at: line 1 column 2 (char 1) | Invalid control character at 1 1 2
# expect: '[1.]' -> Expecting ',' delimiter: line 1 column 3 (char 2) | Expecting ',' delimiter 2 1 3
# expect: '"é\\x"' -> Invalid \escape: line 1 column 3 (char 2) | Invalid \escape 2 1 3
# expect: 'true false' -> Extra data: line 1 column 6 (char 5) | Extra data 5 1 6
# expect: True
# expect: JSONDecodeError [
# expect: TypeError: the JSON object must be str, bytes or bytearray, not int
