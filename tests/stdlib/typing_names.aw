# typing: the common names import and subscript; annotations are not checked
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, Iterator, TypeVar, cast, overload, TYPE_CHECKING, NewType
T = TypeVar("T")
def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
Pair = Tuple[int, str]
Handler = Callable[[int], None]
UserId = NewType("UserId", int)
print(first([3, 4]), first([]), cast(int, "not checked"), TYPE_CHECKING, UserId(5))
print(List, T, Dict)
@overload
def f(x: int) -> int: ...
def f(x):
    return x * 2
print(f(21))
# expect: 3 None not checked False 5
# expect: typing.List ~T typing.Dict
# expect: 42
