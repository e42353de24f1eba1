# inspect predicates
import inspect
async def af(): pass
def gf(): yield
async def agf(): yield
def f(): pass
class C:
    def m(self): pass
    async def am(self): pass
c = af()
g = gf()
ag = agf()
print(inspect.iscoroutinefunction(af), inspect.iscoroutinefunction(f), inspect.iscoroutinefunction(C().am))
print(inspect.isgeneratorfunction(gf), inspect.isgeneratorfunction(af), inspect.isasyncgenfunction(agf))
print(inspect.iscoroutine(c), inspect.iscoroutine(g), inspect.isgenerator(g), inspect.isasyncgen(ag))
print(inspect.isawaitable(c), inspect.isawaitable(g), inspect.isawaitable(1))
class Aw:
    def __await__(self):
        yield
print(inspect.isawaitable(Aw()), inspect.isawaitable(Aw))
print(inspect.isfunction(f), inspect.isfunction(len), inspect.isclass(C), inspect.isclass(C()))
print(inspect.ismethod(C().m), inspect.ismethod(f), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(f))
print(inspect.ismodule(inspect), inspect.ismodule(f))
c.close()
print(inspect.signature(lambda a, b=2, *c, d, e=5, **k: 0), inspect.signature(f), inspect.signature(C().m))
# expect: True False True
# expect: True False True
# expect: True False True True
# expect: True False False
# expect: True False
# expect: True False True False
# expect: True False True True True
# expect: True False
# expect: (a, b=2, *c, d, e=5, **k) () ()
