# user exception classes: args with and without __init__, attributes, hierarchy
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code=7):
        super().__init__("db failure in " + table)
        self.table = table
        self.code = code
class Quiet(Exception):
    def __init__(self, a, b):
        self.total = a + b
e = DbError("users")
print(e.args, str(e), e.table, e.code, isinstance(e, AppError), isinstance(e, Exception))
q = Quiet(1, 2)
print(q.args, q.total, repr(q))
try:
    raise DbError("orders", code=9)
except AppError as err:
    print(type(err).__name__, err, err.code)
print(AppError("x", "y").args, repr(AppError()))
try:
    AppError(kw=1)
except TypeError as err:
    print("TypeError:", err)
# expect: ('db failure in users',) db failure in users users 7 True True
# expect: (1, 2) 3 Quiet(1, 2)
# expect: DbError db failure in orders 9
# expect: ('x', 'y') AppError()
# expect: TypeError: AppError() takes no keyword arguments
