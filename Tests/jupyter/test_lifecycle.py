"""Shutdown and restart as jupyter_client drives them (shutdown_request on the control channel)."""
import time

from jupyter_client.manager import start_new_kernel

from test_protocol import execute, result_text


def test_restart_gives_a_fresh_session_and_shutdown_ends_the_process():
    km, kc = start_new_kernel(kernel_name="msnb", startup_timeout=30)
    try:
        execute(kc, "before_restart = 1")
        km.restart_kernel(now=False)            # shutdown_request with restart = true, then a new process
        kc.wait_for_ready(timeout=30)
        reply, _ = execute(kc, "before_restart")
        assert reply["status"] == "error" and reply["ename"] == "NameError"
        reply, outputs = execute(kc, "2 * 21")
        assert result_text(outputs) == ["42"]
        started = time.monotonic()
        km.shutdown_kernel(now=False)           # asks politely; kills only if the kernel does not exit
        assert not km.is_alive()
        assert time.monotonic() - started < 4.5   # jupyter_client waits 5 s before it kills
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
