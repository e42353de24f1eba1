# Semaphore value errors.
import asyncio

try:
    asyncio.Semaphore(-1)
except ValueError as e:
    print(e)
try:
    asyncio.BoundedSemaphore(-2)
except ValueError as e:
    print(e)
b = asyncio.BoundedSemaphore(2)
try:
    b.release()
except ValueError as e:
    print(e)
# expect: Semaphore initial value must be >= 0
# expect: Semaphore initial value must be >= 0
# expect: BoundedSemaphore released too many times
