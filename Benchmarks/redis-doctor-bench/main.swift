// Release-mode benchmarks: `swift run -c release redis-doctor-bench`.
print("no benchmarks yet")
