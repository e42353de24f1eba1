# examples/hello.aw -- a first aw program: classes, generators, f-strings.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, times):
        for i in range(times):
            yield f"Hello, {self.name}! ({i + 1}/{times})"


for line in Greeter("aw").greet(3):
    print(line)

squares = {n: n * n for n in range(1, 6)}
print("squares:", squares)
print("total:", sum(squares.values()))
