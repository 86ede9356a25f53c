"""A pseudo-terminal driver shared by msnb's REPL tests (standard library only).

`start(binary, workdir, history, columns)` forks the real `msnb` binary in a pty (optionally sized) and
returns a Terminal with `read_for`, `wait_for`, `send` and the accumulated `screen` bytes.
"""
import fcntl, os, pty, select, signal, struct, termios, time


class Terminal:
    def __init__(self, fd, pid):
        self.fd, self.pid, self.screen = fd, pid, b""

    def read_for(self, seconds):
        """Collects output for `seconds`."""
        end = time.time() + seconds
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    return
                if not data:
                    return
                self.screen += data

    def wait_for(self, text, seconds=30):
        """Reads until `text` is on the screen (True) or `seconds` pass (False)."""
        end = time.time() + seconds
        while time.time() < end:
            self.read_for(0.1)
            if text.encode() in self.screen:
                return True
        return False

    def send(self, s):
        os.write(self.fd, s.encode())


def start(binary, workdir, history, columns=None):
    """Starts `binary` in a pty in `workdir` with MSNB_HISTORY=history (and a `columns`-wide window)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(workdir)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        env = dict(os.environ, MSNB_HISTORY=history, TERM="xterm")
        os.execve(binary, [binary], env)
    if columns:
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    return Terminal(fd, pid)
