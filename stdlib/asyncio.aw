# stdlib/asyncio.aw -- the high-level half of `asyncio`, written in aw.
# Runs inside the module that stdlib/asyncio.c built, after it defined the
# core (Future, Task, sleep, gather, get_running_loop, current_task, ...).
# Owns: locks, queues, timeouts, TaskGroup, wait/wait_for/shield/as_completed,
# Runner and the coroutine predicates -- CPython 3.11 semantics throughout.

import inspect as _inspect

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# ---------------------------------------------------------------- predicates

async def _probe_coro():
    pass


def _probe_gen():
    yield


_probe = _probe_coro()
_CoroutineType = type(_probe)
_probe.close()
_GeneratorType = type(_probe_gen())
del _probe, _probe_coro, _probe_gen

# Classes seen to quack like collections.abc.Coroutine (send, throw, close
# and __await__); remembered so the check costs one lookup next time.
_coro_classes = {_CoroutineType: True, _GeneratorType: True}


def iscoroutine(obj):
    # 3.11 still counts generators (generator-based coroutines) as coroutines.
    cls = type(obj)
    known = _coro_classes.get(cls)
    if known is None:
        known = (hasattr(cls, 'send') and hasattr(cls, 'throw') and
                 hasattr(cls, 'close') and hasattr(cls, '__await__'))
        _coro_classes[cls] = known
    return known


def iscoroutinefunction(func):
    return _inspect.iscoroutinefunction(func)


try:
    isfuture
except NameError:
    def isfuture(obj):
        if isinstance(obj, Future):
            return True
        return (hasattr(type(obj), '_asyncio_future_blocking') and
                obj._asyncio_future_blocking is not None)


async def _wrap_awaitable(awaitable):
    # ensure_future() (C) runs any object with __await__ through this.
    return await awaitable


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


# ------------------------------------------------------------ waiter deques

class _Deque:
    # FIFO of waiter futures. Waiters mostly leave from the front, so a list
    # plus a head index keeps popleft/remove-first O(1) where list.pop(0)
    # would make N waiters cost O(N^2). Invariant: all slots before _h are
    # dead (None) and the list is cleared as soon as it holds no live item,
    # so `not d._a` is the cheap emptiness test hot paths use.

    _parked = False  # holds an Event.wait parked in place of its future (C)

    def __init__(self):
        self._a = []
        self._h = 0

    def __len__(self):
        return len(self._a) - self._h

    def __bool__(self):
        return len(self._a) > self._h

    def __iter__(self):
        if self._parked:
            _unpark_waiters(self)
        if self._h:
            return iter(self._a[self._h:])
        return iter(self._a)

    def append(self, x):
        self._a.append(x)

    def _drop_first(self, a, h):
        h += 1
        if h == len(a):
            a.clear()
            self._h = 0
        elif h >= 32 and h + h >= len(a):
            del a[:h]
            self._h = 0
        else:
            a[h - 1] = None
            self._h = h

    def popleft(self):
        if self._parked:
            _unpark_waiters(self)
        a = self._a
        h = self._h
        if h >= len(a):
            raise IndexError('pop from an empty deque')
        x = a[h]
        self._drop_first(a, h)
        return x

    def remove(self, x):
        a = self._a
        h = self._h
        if h < len(a) and a[h] is x:
            self._drop_first(a, h)
            return
        if h < len(a) and a[-1] is x:
            a.pop()  # cancelled in reverse order: O(1) from the back too
            return
        try:
            i = a.index(x, h + 1)
        except ValueError:
            raise ValueError('deque.remove(x): x not in deque') from None
        del a[i]


# ---------------------------------------------------------------- locks

class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return loop


class _ContextManagerMixin(_LoopBound):
    async def __aenter__(self):
        await self.acquire()
        # `async with lock as x` binds None, as in CPython.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        return self._locked

    async def __aenter__(self):
        # acquire()'s uncontended path inlined, saving a coroutine per
        # `async with`; subclasses may override acquire(), so they don't.
        if not self._locked and type(self) is Lock:
            ws = self._waiters
            if ws is None or not ws._a:
                self._locked = True
                return None
        await self.acquire()
        return None

    async def acquire(self):
        ws = self._waiters
        if not self._locked:
            # Fair: a free lock is only taken at once when nobody live waits.
            if ws is None or not ws._a:
                self._locked = True
                return True
            a = ws._a
            i = ws._h
            n = len(a)
            while i < n and a[i].cancelled():
                i += 1
            if i == n:
                self._locked = True
                return True
        if ws is None:
            ws = self._waiters = _Deque()
        fut = self._get_loop().create_future()
        ws.append(fut)
        try:
            try:
                await fut
            finally:
                ws.remove(fut)
        except CancelledError:
            # We may have been woken just before the cancel: pass it on.
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        ws = self._waiters
        if ws is not None and ws._a:
            self._wake_up_first()

    def _wake_up_first(self):
        # Only the head is woken: if it is already done, it owns the wakeup.
        ws = self._waiters
        if ws is None or not ws._a:
            return
        fut = ws._a[ws._h]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBound):
    __module__ = 'asyncio.locks'

    def __init__(self):
        self._waiters = _Deque()
        self._value = False

    def __repr__(self):
        res = super().__repr__()
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            ws = self._waiters
            if type(ws) is _Deque:
                _wake_waiters(ws)
            else:
                for fut in ws:
                    if not fut.done():
                        fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    __module__ = 'asyncio.locks'

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The lock's own methods, so `cond.acquire()` is the lock's.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _Deque()

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # The lock is ours again on every way out, even when cancelled.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = super().__repr__()
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<{res[1:-1]} [{extra}]>'

    def locked(self):
        # Busy when no unit is left, or when a live waiter is ahead of us.
        if self._value == 0:
            return True
        ws = self._waiters
        if ws is None or not ws._a:
            return False
        a = ws._a
        i = ws._h
        n = len(a)
        while i < n:
            if not a[i].cancelled():
                return True
            i += 1
        return False

    async def __aenter__(self):
        # acquire()'s free-unit path inlined (see Lock.__aenter__).
        if self._value > 0:
            ws = self._waiters
            if ws is None or not ws._a:
                cls = type(self)
                if cls is Semaphore or cls is BoundedSemaphore:
                    self._value -= 1
                    return None
        await self.acquire()
        return None

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        ws = self._waiters
        if ws is None:
            ws = self._waiters = _Deque()
        fut = self._get_loop().create_future()
        ws.append(fut)
        try:
            try:
                await fut
            finally:
                ws.remove(fut)
        except CancelledError:
            # Woken (a unit was handed to us) but cancelled: give it back.
            if fut.done() and not fut.cancelled():
                self._value += 1
            raise
        finally:
            # Waiters queued behind us for fairness may now proceed.
            while self._value > 0:
                if not self._wake_up_next():
                    break
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        # Hand one unit to the first waiter not yet woken.
        ws = self._waiters
        if ws is None or not ws._a:
            return False
        a = ws._a
        i = ws._h
        n = len(a)
        while i < n:
            fut = a[i]
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
            i += 1
        return False


class BoundedSemaphore(Semaphore):
    __module__ = 'asyncio.locks'

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# ---------------------------------------------------------------- queues

class QueueEmpty(Exception):
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    __module__ = 'asyncio.queues'


try:
    from heapq import heappush as _heappush, heappop as _heappop
except ImportError:
    def _heappush(heap, item):
        # Append, then bubble the new item up past every larger parent.
        heap.append(item)
        pos = len(heap) - 1
        while pos > 0:
            up = (pos - 1) >> 1
            parent = heap[up]
            if item < parent:
                heap[pos] = parent
                pos = up
            else:
                break
        heap[pos] = item


    def _heappop(heap):
        last = heap.pop()
        if not heap:
            return last
        top = heap[0]
        # Floyd's trick: walk the hole at the root down to a leaf along
        # the smaller children, drop `last` there and bubble it back up.
        # Equal keys come out in the same order as with CPython's heapq.
        n = len(heap)
        pos = 0
        child = 1
        while child < n:
            right = child + 1
            if right < n and not heap[child] < heap[right]:
                child = right
            heap[pos] = heap[child]
            pos = child
            child = pos + pos + 1
        while pos > 0:
            up = (pos - 1) >> 1
            parent = heap[up]
            if last < parent:
                heap[pos] = parent
                pos = up
            else:
                break
        heap[pos] = last
        return top


class Queue(_LoopBound):
    __module__ = 'asyncio.queues'

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _Deque()
        self._putters = _Deque()
        self._unfinished_tasks = 0
        # join() waiters; the Event is made on the first join() that blocks.
        self._finished = None
        self._qh = 0
        self._init(maxsize)
        # A plain FIFO (no storage or size hook overridden) takes inlined
        # fast paths; anything else goes through the hooks as in CPython.
        cls = type(self)
        self._fast = cls is Queue or (
            cls._init is Queue._init and cls._put is Queue._put and
            cls._get is Queue._get and cls.qsize is Queue.qsize and
            cls.empty is Queue.empty and cls.full is Queue.full and
            cls.get_nowait is Queue.get_nowait and
            cls.put_nowait is Queue.put_nowait)

    # Storage hooks, overridden by LifoQueue, PriorityQueue and users. The
    # FIFO keeps a head index into its list (dead slots before it); the list
    # is emptied whenever its last live item leaves, so `not self._queue`
    # still means empty.
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        q = self._queue
        h = self._qh
        item = q[h]
        h += 1
        if h == len(q):
            q.clear()
            self._qh = 0
        elif h >= 32 and h + h >= len(q):
            del q[:h]
            self._qh = 0
        else:
            q[h - 1] = None
            self._qh = h
        return item

    def _wakeup_next(self, waiters):
        while waiters._a:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            items = list(self._queue)
            if self._qh:
                items = items[self._qh:]
            result += f' _queue={items!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue) - self._qh

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        if self._fast:
            m = self._maxsize
            q = self._queue
            if m <= 0 or len(q) - self._qh < m:
                # put_nowait() inlined.
                q.append(item)
                self._unfinished_tasks += 1
                if self._finished is not None:
                    self._finished.clear()
                getters = self._getters
                if getters._a:
                    self._wakeup_next(getters)
                return None
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    # get_nowait() already took it off to wake it.
                    pass
                if not self.full() and not putter.cancelled():
                    # Woken for a free slot we will not use: pass it on.
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self._fast:
            m = self._maxsize
            q = self._queue
            if m > 0 and len(q) - self._qh >= m:
                raise QueueFull
            q.append(item)
        else:
            if self.full():
                raise QueueFull
            self._put(item)
        self._unfinished_tasks += 1
        if self._finished is not None:
            self._finished.clear()
        getters = self._getters
        if getters._a:
            self._wakeup_next(getters)

    async def get(self):
        if self._fast:
            q = self._queue
            if q:
                # get_nowait() inlined: this is the hottest path.
                h = self._qh
                item = q[h]
                h += 1
                if h == len(q):
                    q.clear()
                    self._qh = 0
                elif h >= 32 and h + h >= len(q):
                    del q[:h]
                    self._qh = 0
                else:
                    q[h - 1] = None
                    self._qh = h
                putters = self._putters
                if putters._a:
                    self._wakeup_next(putters)
                return item
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    # put_nowait() already took it off to wake it.
                    pass
                if not self.empty() and not getter.cancelled():
                    # Woken for an item we will not take: pass it on.
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self._fast:
            # _get() inlined.
            q = self._queue
            if not q:
                raise QueueEmpty
            h = self._qh
            item = q[h]
            h += 1
            if h == len(q):
                q.clear()
                self._qh = 0
            elif h >= 32 and h + h >= len(q):
                del q[:h]
                self._qh = 0
            else:
                q[h - 1] = None
                self._qh = h
        else:
            if self.empty():
                raise QueueEmpty
            item = self._get()
        putters = self._putters
        if putters._a:
            self._wakeup_next(putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0 and self._finished is not None:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            if self._finished is None:
                self._finished = Event()
            await self._finished.wait()


class PriorityQueue(Queue):
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    __module__ = 'asyncio.queues'

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------- timeouts

class Timeout:
    __module__ = 'asyncio.timeouts'

    # _state is one of 'created', 'active', 'expiring', 'expired', 'finished'.
    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._cancelling = 0
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        state = self._state
        if state != 'active':
            if state == 'created':
                raise RuntimeError('Timeout has not been entered')
            raise RuntimeError(f'Cannot change state of {state} Timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state == 'expiring' or self._state == 'expired'

    def __repr__(self):
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            return f'<Timeout [active] when={when}>'
        return f'<Timeout [{self._state}]>'

    async def __aenter__(self):
        if self._state != 'created':
            raise RuntimeError('Timeout has already been entered')
        task = current_task()
        if task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self._state = 'active'
        self._task = task
        # Cancels already requested are not ours to turn into TimeoutError.
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if (self._task.uncancel() <= self._cancelling and
                    exc_type is CancelledError):
                # Our own cancel, and no newer one: it becomes a timeout.
                raise TimeoutError from exc_val
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ------------------------------------------------------ waiting combinators

async def _cancel_and_wait(fut):
    # Cancel fut and wait until it is really done, while staying cancellable
    # ourselves (so we wait on a private waiter, not on fut).
    waiter = get_running_loop().create_future()

    def on_done(f):
        if not waiter.done():
            waiter.set_result(None)

    fut.add_done_callback(on_done)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(on_done)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def on_done(f):
        if not waiter.done():
            waiter.set_result(None)

    fut = ensure_future(fut)
    fut.add_done_callback(on_done)
    try:
        try:
            await waiter
        except CancelledError:
            # We are cancelled: the inner one goes too, unless it finished.
            if fut.done():
                return fut.result()
            fut.remove_done_callback(on_done)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        # Timed out: make sure the inner one is not running when we return.
        fut.remove_done_callback(on_done)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()  # mark it retrieved
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _unique(fs):
    # The distinct items of fs in first-seen order (CPython uses a set, whose
    # order is arbitrary; a stable order keeps runs reproducible).
    seen = {}
    for f in fs:
        seen[f] = None
    return list(seen)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if (return_when != FIRST_COMPLETED and return_when != FIRST_EXCEPTION and
            return_when != ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    loop = get_running_loop()
    fs = _unique(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    # A generator, as in CPython: even the type check waits for next().
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    done = Queue()
    loop = get_event_loop()
    todo = {}
    for f in _unique(fs):
        todo[ensure_future(f)] = None
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)  # one "timed out" marker per waiter
        todo.clear()

    def on_completion(f):
        if not todo:
            return  # on_timeout() came first
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()


# ---------------------------------------------------------------- TaskGroup

class TaskGroup:
    __module__ = 'asyncio.taskgroups'

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}  # an ordered set: cancellation follows creation
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ''
        if self._tasks:
            info += f' tasks={len(self._tasks)}'
        if self._errors:
            info += f' errors={len(self._errors)}'
        if self._aborting:
            info += ' cancelling'
        elif self._entered:
            info += ' entered'
        return f'<TaskGroup{info}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has already been entered')
        self._entered = True
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        propagate_cancel = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            # We cancelled the parent ourselves: take that cancel back, and
            # swallow the CancelledError unless someone else cancelled too.
            if self._parent_task.uncancel() == 0:
                propagate_cancel = None

        if et is not None and not self._aborting:
            # The body failed or the parent is being cancelled.
            self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    # Cancelled from outside while children still run.
                    propagate_cancel = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error

        # Other errors outrank a cancellation.
        if propagate_cancel is not None and not self._errors:
            raise propagate_cancel

        if et is not None and et is not CancelledError:
            self._errors.append(exc)

        if self._errors:
            errors = self._errors
            self._errors = None
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        if context is None:
            task = self._loop.create_task(coro)
        else:
            task = self._loop.create_task(coro, context=context)
        # Named after creation, so the Task-N counter advances as in CPython.
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        del self._tasks[task]
        fut = self._on_completed_fut
        if fut is not None and not self._tasks and not fut.done():
            fut.set_result(True)

        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return

        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc

        if self._parent_task.done():
            handler = getattr(self._loop, 'call_exception_handler', None)
            if handler is not None:
                handler({
                    'message': f'Task {task!r} has errored out but its parent '
                               f'task {self._parent_task} is already completed',
                    'exception': exc,
                    'task': task,
                })
            return

        if not self._aborting and not self._parent_cancel_requested:
            # First failure: stop the siblings and interrupt the body; the
            # parent's cancel is taken back in __aexit__.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# ---------------------------------------------------------------- Runner

def _running_loop_or_none():
    try:
        return get_running_loop()
    except RuntimeError:
        return None


def _fresh_loop():
    # A new loop where the C layer offers one; else the VM's loop, or None
    # when that one is closed (Runner then falls back to run() per call).
    try:
        factory = _new_event_loop
    except NameError:
        loop = get_event_loop()
        return None if loop.is_closed() else loop
    return factory()


async def _cancel_all_tasks():
    # Runs as a task on the closing loop: cancel the others, let them finish
    # and report the ones that failed instead of dying of the cancel.
    me = current_task()
    pending = [t for t in all_tasks() if t is not me]
    if not pending:
        return
    for t in pending:
        t.cancel()
    await gather(*pending, return_exceptions=True)
    loop = get_running_loop()
    for t in pending:
        if t.cancelled():
            continue
        if t.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': t.exception(),
                'task': t,
            })


class BaseEventLoop:
    # The loop's methods written in aw: asyncio.c moves them to the loop
    # class (and drops this one).

    # The asyncgen hooks, installed while the loop runs (loop.c).
    def _asyncgen_firstiter_hook(self, agen):
        _asyncgens_add(self, agen)

    def _asyncgen_finalizer_hook(self, agen):
        _asyncgens_discard(self, agen)
        if not self.is_closed():
            self.call_soon_threadsafe(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        closing_agens = _take_asyncgens(self)
        if not closing_agens:
            return
        results = await gather(*[ag.aclose() for ag in closing_agens],
                               return_exceptions=True)
        for result, agen in zip(results, closing_agens):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })


class Runner:
    __module__ = 'asyncio.runners'

    # _state: 'created', 'initialized' or 'closed'.
    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'initialized':
            return
        loop = self._loop
        try:
            if loop is not None:
                loop.run_until_complete(_cancel_all_tasks())
                loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            if loop is not None:
                loop.close()
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()
        if self._loop is None:
            return get_event_loop()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f'a coroutine was expected, got {coro!r}')
        if _running_loop_or_none() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        loop = self._loop
        if loop is None:
            return run(coro, debug=self._debug)
        if context is None:
            return loop.run_until_complete(coro)
        return loop.run_until_complete(loop.create_task(coro, context=context))

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError('Runner is closed')
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = _fresh_loop()
        else:
            self._loop = self._loop_factory()
        if self._debug is not None and self._loop is not None:
            self._loop.set_debug(self._debug)
        self._state = 'initialized'
