# len(): built-ins and __len__
print(len("héllo"), len(b"ab"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(0, 10, 3)))
class L:
    def __len__(self):
        return 4
class I:
    def __index__(self):
        return 2
class LI:
    def __len__(self):
        return I()
print(len(L()), len(LI()))
for o in (1, None, L, iter([])):
    try:
        print(len(o))
    except TypeError as e:
        print("TypeError:", e)
# expect: 5 2 2 1 1 3 4
# expect: 4 2
# expect: TypeError: object of type 'int' has no len()
# expect: TypeError: object of type 'NoneType' has no len()
# expect: TypeError: object of type 'type' has no len()
# expect: TypeError: object of type 'list_iterator' has no len()
