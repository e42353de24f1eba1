-- bench: a while loop of 20M integer multiply/modulo/adds
local function main()
  local i = 0
  local acc = 0
  while i < 20000000 do
    acc = (acc + i * 7) % 1000003
    i = i + 1
  end
  print(acc)
end
main()
