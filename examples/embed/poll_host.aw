# Run by poll_host.c, a host with its own poll() loop: host.recv() waits for
# the next line on the host's pipe while aw's own timers keep ticking.
import asyncio
import host

async def ticker(state):
    while not state["done"]:
        state["ticks"] += 1
        await asyncio.sleep(0.002)

async def main():
    state = {"done": False, "ticks": 0}
    t = asyncio.create_task(ticker(state))
    while (msg := await host.recv()) != "quit":
        print("message:", msg)
    state["done"] = True
    await t
    print("ticker ran while waiting:", state["ticks"] > 1)
    return "bye"
