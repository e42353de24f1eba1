# Run by two_threads.c in two VMs at once, one per thread; each VM gets
# its own `job` module telling it what to compute.
import asyncio
import job

def primes_below(n):
    sieve = [True] * n
    count = 0
    for i in range(2, n):
        if sieve[i]:
            count += 1
            for k in range(i * i, n, i):
                sieve[k] = False
    return count

async def square(x):
    await asyncio.sleep(0.001)
    return x * x

async def main():
    squares = await asyncio.gather(*(square(i) for i in range(job.id() * 10)))
    return sum(squares)

n = job.limit()
print(f"vm {job.id()}: {primes_below(n)} primes below {n}, sum of squares {asyncio.run(main())}")
