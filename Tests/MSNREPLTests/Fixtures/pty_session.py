"""Drives the real `msnb` REPL in a pseudo-terminal, as a person would, and prints the screen text.

Usage: python3 pty_session.py MSNB_BINARY WORKDIR HISTORY_FILE
Types a load, a filter whose column is completed with Tab, a line cancelled with Ctrl-C, a
statement cancelled... then :quit. Written for msnb's REPL tests (standard library only).
"""
import os, sys, time
from pty_driver import start

binary, workdir, history = sys.argv[1], sys.argv[2], sys.argv[3]
term = start(binary, workdir, history)
read_for, send = term.read_for, term.send
def wait_for(text, seconds=20):
    return term.wait_for(text, seconds)

wait_for("msnb> ")
send('hs = load "data/HolzingerSwineford1939.csv"\r')
wait_for("msnb> ", 20); read_for(0.3)
send("hs | filter agey")
read_for(0.3)
send("\t")
read_for(0.5)
send(" >= 15 | count\r")
wait_for("\r\n", 5); read_for(1.0)
send("this line is cancelled")
read_for(0.3)
send("\x03")
read_for(0.5)
send("x = [1,\r")
read_for(0.3)
send("2]\r")
read_for(0.5)
send("x\r")
read_for(0.5)
send(":quit\r")
read_for(1.0)
try:
    os.waitpid(term.pid, 0)
except ChildProcessError:
    pass
sys.stdout.write(term.screen.decode("utf-8", "replace"))
