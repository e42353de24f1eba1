-- bench: 1M string keys built, then looked up
local function main()
  local d = {}
  local n = 0
  for i = 0, 999999 do
    d["key" .. tostring(i)] = i
    n = n + 1
  end
  local total = 0
  for i = 0, 999999 do
    total = total + d["key" .. tostring(i)]
  end
  print(n, total)
end
main()
