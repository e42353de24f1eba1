# functools.lru_cache / cache: hits, misses, eviction, cache_clear
from functools import lru_cache, cache
@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15), fib.cache_info())
@cache
def sq(x):
    print("computing", x)
    return x * x
print(sq(3), sq(3), sq.__name__, sq.__wrapped__.__name__)
@lru_cache(maxsize=2)
def ident(x):
    print("miss", x)
    return x
for x in [1, 2, 1, 3, 2, 1]:
    ident(x)
print(ident.cache_info())
ident.cache_clear()
print(ident.cache_info())
@lru_cache
def g(x, y=0):
    return x + y
print(g(1), g(1, y=2), g(1), g.cache_info())
class M:
    @lru_cache(maxsize=None)
    def meth(self, x):
        return x * 10
m = M()
print(m.meth(4), m.meth(4))
@lru_cache(maxsize=0)
def nocache(x):
    print("call", x)
    return x
nocache(1)
nocache(1)
print(nocache.cache_info())
# expect: 610 CacheInfo(hits=13, misses=16, maxsize=None, currsize=16)
# expect: computing 3
# expect: 9 9 sq sq
# expect: miss 1
# expect: miss 2
# expect: miss 3
# expect: miss 2
# expect: miss 1
# expect: CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)
# expect: CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)
# expect: 1 3 1 CacheInfo(hits=1, misses=2, maxsize=128, currsize=2)
# expect: 40 40
# expect: call 1
# expect: call 1
# expect: CacheInfo(hits=0, misses=2, maxsize=0, currsize=0)
