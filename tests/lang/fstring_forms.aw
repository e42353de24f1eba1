# f-string conversions, format specs, nesting, = form and literal braces
name, value, width = "pi", 3.14159, 10
print(f"{name!r:>8}|{value:.2f}|{value:{width}.3f}|{{literal}}")
print(f"{value=:.1f} {name=}")
print(f"{'nested ' + name.upper()}", f"{[i * 2 for i in range(3)]}")
print(f"{255:#x} {255:08b} {1234567:,} {0.25:%} {-3:+d}")
print(f"""{name
}""")
# expect:     'pi'|3.14|     3.142|{literal}
# expect: value=3.1 name='pi'
# expect: nested PI [0, 2, 4]
# expect: 0xff 11111111 1,234,567 25.000000% -3
# expect: pi
