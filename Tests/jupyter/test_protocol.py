"""Kernel behaviour beyond the conformance suite: interrupt of a long fit, rejection of badly signed
messages, heartbeat during a long statement, stop_on_error aborting the queue, and the kernelspec."""
import json
import os
import queue
import time

import pytest
import zmq
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

from conftest import HS

LONG_FIT = f'big = load "{HS}" | fit boost x9 ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 with trees = 5000, depth = 6'


@pytest.fixture
def kernel():
    km, kc = start_new_kernel(kernel_name="msnb", startup_timeout=30)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def execute(kc, code, timeout=30):
    """Runs code; returns the execute_reply content and the iopub messages of that request."""
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    assert reply["parent_header"]["msg_id"] == msg_id
    outputs = []
    while True:
        m = kc.get_iopub_msg(timeout=timeout)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return reply["content"], outputs
        outputs.append(m)


def result_text(outputs):
    return [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]


def test_interrupt_cancels_a_long_fit_and_keeps_bindings(kernel):
    km, kc = kernel
    reply, _ = execute(kc, "keep = 41")
    assert reply["status"] == "ok"
    msg_id = kc.execute(LONG_FIT)
    time.sleep(1.0)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=5)
    elapsed = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert elapsed < 5
    reply, outputs = execute(kc, "keep + 1")
    assert reply["status"] == "ok"
    assert result_text(outputs) == ["42"]
    reply, outputs = execute(kc, "big")
    assert reply["status"] == "error" and reply["ename"] == "NameError"


def test_interrupt_request_on_control_channel(kernel):
    km, kc = kernel
    msg_id = kc.execute(LONG_FIT)
    time.sleep(1.0)
    req = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(req)
    control_reply = kc.get_control_msg(timeout=5)
    assert control_reply["msg_type"] == "interrupt_reply"
    reply = kc.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"


def test_heartbeat_answers_during_a_long_statement(kernel):
    km, kc = kernel
    kc.execute(LONG_FIT)
    time.sleep(0.5)
    info = km.get_connection_info()
    ctx = zmq.Context.instance()
    hb = ctx.socket(zmq.REQ)
    hb.setsockopt(zmq.LINGER, 0)
    hb.connect(f"tcp://{info['ip']}:{info['hb_port']}")
    for ping in (b"ping-1", b"ping-2"):
        hb.send(ping)
        assert hb.poll(1000), "no heartbeat echo within 1 s while a fit runs"
        assert hb.recv() == ping
    hb.close()
    km.interrupt_kernel()
    kc.get_shell_msg(timeout=5)


def test_wrong_signature_is_rejected_and_the_kernel_keeps_serving(kernel):
    km, kc = kernel
    info = km.get_connection_info()
    ctx = zmq.Context.instance()
    shell = ctx.socket(zmq.DEALER)
    shell.setsockopt(zmq.LINGER, 0)
    shell.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    msg = kc.session.msg("execute_request", {"code": "forged = 1", "silent": False})
    frames = kc.session.serialize(msg)          # [<IDS|MSG>, signature, header, parent, metadata, content]
    frames[1] = b"0" * len(frames[1])          # a wrong signature of the right length
    shell.send_multipart(frames)
    assert not shell.poll(1000), "the kernel answered a badly signed message"
    shell.close()
    reply, outputs = execute(kc, "forged")
    assert reply["status"] == "error" and reply["ename"] == "NameError"   # the forged code never ran
    reply, outputs = execute(kc, "1 + 1")
    assert result_text(outputs) == ["2"]


def test_stop_on_error_aborts_queued_executions(kernel):
    km, kc = kernel
    first = kc.execute(f'm = load "{HS}" | fit boost x9 ~ x1 + x2 with trees = 200\nno_such_name')
    second = kc.execute("queued = 1")
    replies = {}
    for _ in range(2):
        r = kc.get_shell_msg(timeout=30)
        replies[r["parent_header"]["msg_id"]] = r["content"]
    assert replies[first]["status"] == "error"
    assert replies[second]["status"] == "aborted"
    time.sleep(0.3)   # requests arriving after the queue was drained run again
    reply, _ = execute(kc, "queued")
    assert reply["status"] == "error"
    # With stop_on_error false, the next request runs.
    first = kc.execute("no_such_name", stop_on_error=False)
    second = kc.execute("after = 2")
    replies = {}
    for _ in range(2):
        r = kc.get_shell_msg(timeout=30)
        replies[r["parent_header"]["msg_id"]] = r["content"]
    assert replies[first]["status"] == "error"
    assert replies[second]["status"] == "ok"


def test_silent_and_store_history(kernel):
    km, kc = kernel
    reply, outputs = execute(kc, "1 + 1")
    count = reply["execution_count"]
    msg_id = kc.execute("2 + 2", silent=True)
    reply = kc.get_shell_msg(timeout=10)
    assert reply["content"]["execution_count"] == count      # silent: not counted
    msg_id = kc.execute("3 + 3", store_history=False)
    reply = kc.get_shell_msg(timeout=10)
    assert reply["content"]["execution_count"] == count
    reply, outputs = execute(kc, "4 + 4")
    assert reply["execution_count"] == count + 1


def test_complete_columns_flowing_into_the_pipeline(kernel):
    km, kc = kernel
    execute(kc, f'hs = load "{HS}"')
    code = "hs | filter age"
    kc.complete(code, len(code))
    reply = kc.get_shell_msg(timeout=10)["content"]
    assert set(reply["matches"]) == {"ageyr", "agemo"}
    assert (reply["cursor_start"], reply["cursor_end"]) == (len(code) - 3, len(code))


def test_inspect_gives_a_table_schema(kernel):
    km, kc = kernel
    execute(kc, f'hs = load "{HS}"')
    kc.inspect("hs | head", 1)
    reply = kc.get_shell_msg(timeout=10)["content"]
    assert reply["found"]
    text = reply["data"]["text/plain"]
    assert "ageyr" in text and "school" in text and "string" in text


def test_kernelspec_is_installed_with_logos():
    spec = KernelSpecManager().get_kernel_spec("msnb")
    assert os.path.isabs(spec.argv[0]) and spec.argv[1:] == ["kernel", "-f", "{connection_file}"]
    assert spec.display_name == "msnb" and spec.language == "msnb" and spec.interrupt_mode == "signal"
    for size in (32, 64):
        with open(os.path.join(spec.resource_dir, f"logo-{size}x{size}.png"), "rb") as f:
            head = f.read(24)
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == size and int.from_bytes(head[20:24], "big") == size
