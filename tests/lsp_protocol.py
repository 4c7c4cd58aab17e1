#!/usr/bin/env python3
"""tqc lsp's protocol without an editor (tests/e2e_lsp.sh): Content-Length framing,
UTF-16 positions after an emoji, a code action with the fix, shutdown and exit (exit
status 0), and a malformed message. Usage: lsp_protocol.py TQC. Prints key value lines."""
import json
import re
import subprocess
import sys


def frame(o):
    b = json.dumps(o).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


def messages(stdout):
    return [json.loads(x) for x in re.split(rb"Content-Length: \d+\r\n\r\n", stdout)[1:]]


def main():
    tqc = sys.argv[1]
    uri = "file:///nonexistent%20folder/a.md"
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1,
            "text": "\U0001F389 Kim said the the talks ended.\n"}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 12}, "end": {"line": 0, "character": 12}},
            "context": {"diagnostics": []}}},
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    p = subprocess.run([tqc, "lsp"], input=b"".join(map(frame, msgs)), capture_output=True,
                       timeout=60)
    out = messages(p.stdout)
    print("rc", p.returncode)
    diags = [m for m in out if m.get("method") == "textDocument/publishDiagnostics"]
    d = [x for x in diags[0]["params"]["diagnostics"] if x["code"] == "repeated-word"][0]
    print("range", d["range"]["start"]["character"], d["range"]["end"]["character"])
    acts = [m for m in out if m.get("id") == 2][0]["result"]
    print("fix", ",".join(a["edit"]["changes"][uri][0]["newText"] for a in acts if a.get("isPreferred")))
    bad = subprocess.run([tqc, "lsp"], input=b"Content-Length: 5\r\n\r\n{bad}", capture_output=True,
                         timeout=60)
    print("malformed", messages(bad.stdout)[0]["error"]["code"])


if __name__ == "__main__":
    main()
