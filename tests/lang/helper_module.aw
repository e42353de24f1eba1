# nontest: imported by import_local_module.aw
def square(x):
    return x * x
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
