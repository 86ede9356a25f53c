"""Kernel startup: time from starting `msnb kernel -f FILE` to the kernel_info reply, on the binary
given (use the release build). Prints the median and range over N starts.

    swift build -c release --product msnb
    .venv/bin/python Benchmarks/kernel_startup.py .build/release/msnb 10
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file


def one_start(binary):
    path = tempfile.mktemp(suffix=".json")
    write_connection_file(path, key=os.urandom(16).hex().encode())
    t0 = time.perf_counter()
    proc = subprocess.Popen([binary, "kernel", "-f", path], stderr=subprocess.DEVNULL)
    kc = BlockingKernelClient(connection_file=path)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.kernel_info()                       # queued by ZeroMQ until the kernel binds
        reply = kc.get_shell_msg(timeout=10)
        elapsed = time.perf_counter() - t0
        assert reply["msg_type"] == "kernel_info_reply"
        return elapsed
    finally:
        kc.stop_channels()
        proc.kill()
        proc.wait()
        os.unlink(path)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/msnb"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    times = [one_start(binary) for _ in range(n)]
    print(json.dumps({"binary": binary, "starts": n, "median_ms": round(statistics.median(times) * 1000, 1),
                      "min_ms": round(min(times) * 1000, 1), "max_ms": round(max(times) * 1000, 1)}))


if __name__ == "__main__":
    main()
