# time.gmtime / strftime / mktime round trip
import time
t = time.gmtime(0)
print(tuple(t))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)))
print(tuple(time.gmtime(1700000000))[:6])
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0)
# expect: (1970, 1, 1, 0, 0, 0, 3, 1, 0)
# expect: 1971-01-01 00:00:00
# expect: (2023, 11, 14, 22, 13, 20)
# expect: True
