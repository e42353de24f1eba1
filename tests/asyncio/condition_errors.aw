# wait/notify without holding the lock raise RuntimeError.
import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print(e)
    try:
        cond.notify()
    except RuntimeError as e:
        print(e)
    try:
        cond.notify_all()
    except RuntimeError as e:
        print(e)
    try:
        cond.release()
    except RuntimeError as e:
        print(e)

asyncio.run(main())
# expect: cannot wait on un-acquired lock
# expect: cannot notify on un-acquired lock
# expect: cannot notify on un-acquired lock
# expect: Lock is not acquired.
