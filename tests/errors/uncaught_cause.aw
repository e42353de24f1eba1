# raise ... from ...: the cause is printed first
class AppError(Exception):
    pass
try:
    {}["k"]
except KeyError as e:
    raise AppError("lookup failed") from e  # expect runtime error: AppError: lookup failed
