# try/finally with return, break and continue; return in finally overrides;
# exceptions raised in finally replace the pending one.
def f1():
    try:
        return "try"
    finally:
        print("finally runs")
print(f1())

def f2():
    try:
        return "try"
    finally:
        return "finally"
print(f2())

def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("no else")
    return i
print(f3())

def f4():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                try:
                    if j == 1:
                        break
                    out.append((i, j))
                finally:
                    out.append("inner")
            finally:
                out.append("outer")
    return out
print(f4())

def f8():
    while True:
        try:
            return 1
        finally:
            break
    return 2
print(f8())

def f9():
    x = 0
    while x < 10:
        x += 1
        try:
            if x % 2:
                continue
        finally:
            if x == 6:
                break
    else:
        return "else"
    return x
print(f9())

def finally_exc_override():
    try:
        try:
            raise KeyError("a")
        finally:
            raise ValueError("b")
    except Exception as e:
        return type(e).__name__, type(e.__context__).__name__
print(finally_exc_override())

def cont_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
        finally:
            continue
    return out
print(cont_in_finally())

def swallow():
    for i in range(2):
        try:
            raise ValueError(i)
        finally:
            break
    return "swallowed"
print(swallow())

def nested_returns():
    try:
        try:
            return "inner"
        finally:
            print("first finally")
    finally:
        print("second finally")
print(nested_returns())

def return_value_kept():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_kept())
# expect: finally runs
# expect: try
# expect: finally
# expect: body 0
# expect: fin 0
# expect: fin 1
# expect: body 2
# expect: fin 2
# expect: fin 3
# expect: 3
# expect: [(0, 0), 'inner', 'outer', 'inner', 'outer', (1, 0), 'inner', 'outer', 'inner', 'outer', (2, 0), 'inner', 'outer', 'inner', 'outer']
# expect: 2
# expect: 6
# expect: ('ValueError', 'KeyError')
# expect: [0, 1, 2]
# expect: swallowed
# expect: first finally
# expect: second finally
# expect: inner
# expect: [1, 2]
