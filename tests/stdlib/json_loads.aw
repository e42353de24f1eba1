# json.loads: every value kind, escapes, surrogate pairs, whitespace
import json
print(json.loads('{"a": [1, 2.5, null, true, false], "b": "text", "c": {}}'))
print(json.loads(' [ -0 , -0.0 , 1.5e3 , 1E-2 , 10 ] '))
print(repr(json.loads('"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"')))
print(json.loads('"\\ud83d\\ude00"'), json.loads('"\u00e9"'), len(json.loads('"\\ud83d\\ude00"')))
print(json.loads('[-Infinity, NaN, Infinity]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"": ""}'), json.loads("[]"), json.loads("{}"))
print(json.loads("1"), json.loads("true"), json.loads("null"), json.loads('"s"'), json.loads(b'[1]'))
print(json.loads('{"a": {"b": {"c": [[[]]]}}}'))
print(type(json.loads("1")).__name__, type(json.loads("1.0")).__name__, type(json.loads("1e2")).__name__)
print(json.loads('[1]', parse_int=str), json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads("1.5", parse_float=str))
# expect: {'a': [1, 2.5, None, True, False], 'b': 'text', 'c': {}}
# expect: [0, -0.0, 1500.0, 0.01, 10]
# expect: 'é\n\t"\\/\x08\x0c\r'
# expect: 😀 é 1
# expect: [-inf, nan, inf]
# expect: {'a': 2} {'': ''} [] {}
# expect: 1 True None s [1]
# expect: {'a': {'b': {'c': [[[]]]}}}
# expect: int float float
# expect: ['1'] [('a', 1)]
# expect: [('b', 1), ('a', 2)] 1.5
