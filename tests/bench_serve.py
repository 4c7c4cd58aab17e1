#!/usr/bin/env python3
"""Loopback load and latency of tqc serve (issue 16), for tests/e2e_serve.sh (bounded)
and make bench (tests/bench.sh).

  bench_serve.py URL PID SECONDS CLIENTS TQC ARTICLE...

Checks each ARTICLE once through POST /v2/check (language=auto) to learn its answer,
then runs CLIENTS keep-alive connections for one warm-up second and SECONDS more, each
sending the articles in turn and comparing every answer with the first. Prints
key=value lines: requests, errors, mismatches, rps, the median latency of one article
on a quiet server (median_ms, 40 requests) next to a `TQC check` process per article
(process_ms, 10 runs), and the server's resident memory after the warm-up and at the
end (rss_warm_kb, rss_end_kb)."""
import http.client
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    url, pid, seconds, clients, tqc = sys.argv[1:6]
    articles = sys.argv[6:]
    seconds, clients = float(seconds), int(clients)
    u = urllib.parse.urlparse(url)
    bodies = []
    for path in articles:
        with open(path, encoding="utf-8") as f:
            bodies.append(urllib.parse.urlencode({"text": f.read(), "language": "auto"}))
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    def post(conn, body):
        conn.request("POST", "/v2/check", body, headers)
        r = conn.getresponse()
        return r.status, r.read()

    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    expected = [post(conn, b)[1] for b in bodies]
    lat = []
    for _ in range(40):
        t = time.perf_counter()
        post(conn, bodies[0])
        lat.append(time.perf_counter() - t)
    conn.close()
    proc = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run([tqc, "check", "--format", "jsonl", articles[0]], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        proc.append(time.perf_counter() - t)

    counts = {"requests": 0, "errors": 0, "mismatches": 0}
    lock = threading.Lock()
    phase = {"stop": 0.0, "count": False}

    # Each client keeps its connection from the warm-up into the measured run: a new
    # connection may land on a server thread the warm-up never used, whose first
    # requests load its own state, and that is warming up, not growth.
    conns = [http.client.HTTPConnection(u.hostname, u.port, timeout=30) for _ in range(clients)]

    def client(k):
        c = conns[k]
        i = k
        while time.monotonic() < phase["stop"]:
            n = i % len(bodies)
            i += 1
            try:
                status, body = post(c, bodies[n])
                bad, differs = status != 200, body != expected[n]
            except (OSError, http.client.HTTPException):
                bad, differs = True, False
                c.close()
                c = conns[k] = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            if phase["count"]:
                with lock:
                    counts["requests"] += 1
                    counts["errors"] += bad
                    counts["mismatches"] += differs

    def run(duration, count):
        phase["stop"] = time.monotonic() + duration
        phase["count"] = count
        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    run(1.0, False)     # every server thread clones its checker and loads its languages
    warm = rss_kb(pid)
    t0 = time.monotonic()
    run(seconds, True)
    elapsed = time.monotonic() - t0
    end = rss_kb(pid)
    for c in conns:
        c.close()
    for k, v in counts.items():
        print(f"{k}={v}")
    print(f"rps={counts['requests'] / elapsed:.0f}")
    print(f"median_ms={statistics.median(lat) * 1000:.1f}")
    print(f"process_ms={statistics.median(proc) * 1000:.1f}")
    print(f"rss_warm_kb={warm}")
    print(f"rss_end_kb={end}")


if __name__ == "__main__":
    main()
