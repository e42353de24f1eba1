# Reading a generator expression's .0 through gi_frame.f_locals hands out
# a reference to the generator it iterates: closing the expression then
# leaves that generator open.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("closed gen")


ge = (x for x in gen())
print(next(ge))
inner = ge.gi_frame.f_locals[".0"]
ge.close()
print("genexpr closed")
print(next(inner))
inner.close()
print("end")
# expect: 1
# expect: genexpr closed
# expect: 2
# expect: closed gen
# expect: end
