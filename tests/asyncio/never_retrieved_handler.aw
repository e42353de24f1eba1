# A task whose exception nobody retrieves is reported to the loop's
# exception handler once it is collected.
import asyncio
import gc


async def fail():
    raise ValueError('boom')


def handler(loop, context):
    print('handler:', context['message'])
    print('exception:', repr(context['exception']))
    print('future done:', context['future'].done(), type(context['future']).__name__)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    asyncio.create_task(fail())
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0)
    print('after')
    fut = loop.create_future()
    fut.set_exception(KeyError('k'))
    fut = None
    gc.collect()
    await asyncio.sleep(0)
    print('end')


asyncio.run(main())
# expect: handler: Task exception was never retrieved
# expect: exception: ValueError('boom')
# expect: future done: True Task
# expect: after
# expect: handler: Future exception was never retrieved
# expect: exception: KeyError('k')
# expect: future done: True Future
# expect: end
