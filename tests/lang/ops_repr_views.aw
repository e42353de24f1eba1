# repr of dict views, including a view inside its own dict
d = {"a": 1, "b": [2]}
print(d.keys(), d.values(), d.items())
print({}.keys(), {}.values(), {}.items())
e = {}
e["v"] = e.values()
print(e)
print(str(d.keys()), [d.items()])
# expect: dict_keys(['a', 'b']) dict_values([1, [2]]) dict_items([('a', 1), ('b', [2])])
# expect: dict_keys([]) dict_values([]) dict_items([])
# expect: {'v': dict_values([...])}
# expect: dict_keys(['a', 'b']) [dict_items([('a', 1), ('b', [2])])]
