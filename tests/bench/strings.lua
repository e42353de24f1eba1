-- bench: build, split, join and format 1M short strings
local function main()
  local parts = {}
  for i = 0, 999999 do
    parts[#parts + 1] = string.format("item-%d:%d", i, i % 97)
  end
  local joined = table.concat(parts, ",")
  local total, count = 0, 0
  for p in string.gmatch(joined, "[^,]+") do
    local name, value = string.match(p, "([^:]*):(.*)")
    total = total + tonumber(value) + #name
    count = count + 1
  end
  print(count, total)
end
main()
