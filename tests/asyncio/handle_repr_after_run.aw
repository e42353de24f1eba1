# Handle reprs: the callback with its arguments, unchanged after it ran; "cancelled" only when cancelled.
import asyncio

class Job:
    def run(self, n):
        pass

async def main():
    loop = asyncio.get_running_loop()
    job = Job()
    h = loop.call_soon(job.run, "a")
    print(h, h.cancelled())
    await asyncio.sleep(0)
    print(h, h.cancelled())
    h.cancel()
    print(h, h.cancelled())
    h2 = loop.call_soon(print)
    h2.cancel()
    print(h2)
    t = loop.call_later(0, job.run, 2)
    await asyncio.sleep(0.01)
    print(t.cancelled(), repr(t).split(" ", 2)[2])

asyncio.run(main())
# expect: <Handle Job.run('a')> False
# expect: <Handle Job.run('a')> False
# expect: <Handle cancelled> True
# expect: <Handle cancelled>
# expect: False Job.run(2)>
