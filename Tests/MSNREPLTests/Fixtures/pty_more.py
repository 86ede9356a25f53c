"""Drives the real `msnb` REPL in a 64-column pseudo-terminal and prints the screen text.

Usage: python3 pty_more.py MSNB_BINARY WORKDIR HISTORY_FILE
Binds n0, repeats an entry (history collapses duplicates), cancels a running statement with Ctrl-C
(bindings stay as before), shows a wide and long table (middle columns elided, head and tail), turns
:timing on, then :quit. Written for msnb's REPL tests (standard library only).
"""
import os, sys, time
from pty_driver import start

binary, workdir, history = sys.argv[1], sys.argv[2], sys.argv[3]
term = start(binary, workdir, history, columns=64)
read_for, send = term.read_for, term.send
def wait_for(text, seconds=30):
    return term.wait_for(text, seconds)

def prompt_count():
    return term.screen.count(b"msnb> ")

def entry(s, seconds=30):
    """Types a line and waits for the next prompt."""
    n = prompt_count()
    send(s + "\r")
    end = time.time() + seconds
    while time.time() < end and prompt_count() <= n:
        read_for(0.1)

wait_for("msnb> ")
entry("n0 = 7")
entry("n0 + 1")
entry("n0 + 1")
# A statement that runs for seconds: simulate, then sort. Ctrl-C while it runs.
send("slow = simulate exporters n = 200000 seed = 1 | sort export_volume | count\r")
read_for(1.0)
send("\x03")
wait_for("interrupted", 30)
wait_for("msnb> ", 5)
entry("n0")
entry("slow")
# A single long verb (a boost fit with many trees): Ctrl-C stops it between trees, within seconds.
entry("big = simulate exporters n = 100000 seed = 2")
before = term.screen.count(b"interrupted")
send("m = fit boost exported ~ sentiment + fx_volatility + import_policy on big with trees = 5000, depth = 6\r")
read_for(1.5)
t0 = time.time()
send("\x03")
end = time.time() + 60
while time.time() < end and term.screen.count(b"interrupted") <= before:
    read_for(0.05)
cancel_seconds = time.time() - t0
wait_for("msnb> ", 5)
entry("m")
entry('hs = load "data/HolzingerSwineford1939.csv"')
entry(":rows 4")
entry("hs")
entry(":timing on")
entry("n0 * 2")
send(":quit\r")
read_for(1.0)
try:
    os.waitpid(term.pid, 0)
except ChildProcessError:
    pass
sys.stdout.write(term.screen.decode("utf-8", "replace"))
sys.stdout.write("\nCANCEL_FIT_SECONDS=%.2f\n" % cancel_seconds)
