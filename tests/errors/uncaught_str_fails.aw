# an exception whose __str__ raises is still reported
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str")
raise Broken("x")  # expect runtime error: Broken: <exception str() failed>
