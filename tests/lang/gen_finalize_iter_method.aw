# A script __iter__ that returns a generator straight from its call hands
# the loop the only reference: breaking out closes it.
class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return self.walk()

    def walk(self):
        try:
            for it in self.items:
                yield it
        finally:
            print("walk closed")


for x in Bag([1, 2, 3]):
    if x == 2:
        break
print("after loop")
# expect: walk closed
# expect: after loop
