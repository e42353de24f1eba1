# A with block in a suspended generator exits when the for loop that owns
# the generator stops early.
class Res:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return False


def gen():
    with Res():
        yield 1
        yield 2


for x in gen():
    print("got", x)
    break
print("done")
# expect: enter
# expect: got 1
# expect: exit GeneratorExit
# expect: done
