#!/usr/bin/env python3
# Test traffic (issue #19, seed 004): pipelined GETs of a missing key, batch after batch, until
# the given seconds have passed. With several connections a batch is in flight on each, so the
# server always has work queued. Usage: pipelined_load.py PORT SECONDS [CONNECTIONS]
import socket, sys, time

conns = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1)]
batch = b"*2\r\n$3\r\nGET\r\n$4\r\nnone\r\n" * 2000
end = time.time() + float(sys.argv[2])
while time.time() < end:
    for s in conns:
        s.sendall(batch)
    for s in conns:
        got = 0
        while got < 2000 * 5:
            chunk = s.recv(65536)
            if not chunk:
                sys.exit(0)
            got += len(chunk)
