# random: argument errors
import random
calls = [lambda: random.randrange(5, 3), lambda: random.randrange(0), lambda: random.randrange(1.5),
         lambda: random.randrange(1, 10, 0), lambda: random.randint(5, 1), lambda: random.choice([]),
         lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.choices([1, 2], [1], k=2),
         lambda: random.choices([], k=2), lambda: random.getrandbits(-1), lambda: random.shuffle((1, 2)),
         lambda: random.seed([1]), lambda: random.choices([1, 2], weights=[0, 0]),
         lambda: random.choices([1], weights=[1], cum_weights=[1]), lambda: random.sample(range(10), k=-1),
         lambda: random.randint(1.5, 3)]
for c in calls:
    try:
        c()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
# expect: ValueError: empty range for randrange() (5, 3, -2)
# expect: ValueError: empty range for randrange()
# expect: ValueError: non-integer arg 1 for randrange()
# expect: ValueError: zero step for randrange()
# expect: ValueError: empty range for randrange() (5, 2, -3)
# expect: IndexError: Cannot choose from an empty sequence
# expect: ValueError: Sample larger than population or is negative
# expect: TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).
# expect: ValueError: The number of weights does not match the population
# expect: IndexError: list index out of range
# expect: ValueError: number of bits must be non-negative
# expect: TypeError: 'tuple' object does not support item assignment
# expect: TypeError: The only supported seed types are: None,
# expect: int, float, str, bytes, and bytearray.
# expect: ValueError: Total of weights must be greater than zero
# expect: TypeError: Cannot specify both weights and cumulative weights
# expect: ValueError: Sample larger than population or is negative
# expect: ValueError: non-integer arg 1 for randrange()
