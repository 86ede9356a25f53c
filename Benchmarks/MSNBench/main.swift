// Benchmark harness placeholder; see Benchmarks/README.md.
print("msnb benchmarks")
