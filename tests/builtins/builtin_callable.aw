# callable()
class C:
    def __call__(self): return 1
class D: pass
def f(): pass
print(callable(f), callable(len), callable(C), callable(C()), callable(D()), callable(1), callable(lambda: 0), callable([].append))
# expect: True True True True False False True True
