#!/usr/bin/env python3
"""Writes the seed corpus of the Jupyter message fuzz target (Fuzz/Corpus/jupyter).

An input is one mode byte (0 unsigned, 1 signed with key "fuzz-key" and checked as received,
2 signed with the right signature put in by the target) and then the message's ZeroMQ frames
joined by NUL bytes: identities, <IDS|MSG>, signature, header, parent header, metadata, content,
buffers. See FuzzEntries.jupyter (Sources/MSNFuzz/JupyterEntry.swift). Run: python3 Fuzz/jupyter_seeds.py
"""
import hashlib, hmac, json, os

KEY = b"fuzz-key"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Corpus", "jupyter")


def frames(msg_type, content, mode, identities=(b"client",), buffers=()):
    header = {"msg_id": "1", "session": "s", "username": "u", "date": "2026-12-02T00:00:00Z",
              "msg_type": msg_type, "version": "5.3"}
    parts = [json.dumps(x, sort_keys=True).encode() for x in (header, {}, {}, content)]
    sig = hmac.new(KEY, b"".join(parts), hashlib.sha256).hexdigest().encode() if mode == 1 else b""
    return bytes([mode]) + b"\0".join(list(identities) + [b"<IDS|MSG>", sig] + parts + list(buffers))


SEEDS = {
    "kernel-info": frames("kernel_info_request", {}, 0),
    "execute-signed": frames("execute_request", {"code": "x = 1 + 2", "silent": False}, 1),
    "complete": frames("complete_request", {"code": "t | fil", "cursor_pos": 7}, 0),
    "complete-unicode": frames("complete_request", {"code": "é = 1\nt | se", "cursor_pos": 99}, 2),
    "inspect": frames("inspect_request", {"code": "fit boost", "cursor_pos": 2, "detail_level": 0}, 0),
    "inspect-table": frames("inspect_request", {"code": "t", "cursor_pos": 1}, 1),
    "is-complete": frames("is_complete_request", {"code": "x = (1 +"}, 0),
    "history-tail": frames("history_request", {"hist_access_type": "tail", "n": 2, "output": True}, 0),
    "history-range": frames("history_request", {"hist_access_type": "range", "start": 1, "stop": 3}, 2),
    "history-search": frames("history_request", {"hist_access_type": "search", "pattern": "x*", "unique": True, "n": 1}, 0),
    "no-identities-buffers": frames("shutdown_request", {"restart": True}, 0, identities=(), buffers=(b"\x01\x02",)),
    "bad-signature": frames("execute_request", {"code": "1"}, 1)[:-3] + b"2}",
    "too-few-frames": bytes([0]) + b"\0".join([b"id", b"<IDS|MSG>", b"", b"{}"]),
}

os.makedirs(OUT, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print(f"wrote {len(SEEDS)} seeds to {OUT}")
