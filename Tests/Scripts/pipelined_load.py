#!/usr/bin/env python3
# Test traffic (issue #19, seed 004): pipelined GETs of a missing key on one connection, batch
# after batch, until the given seconds have passed. Usage: pipelined_load.py PORT SECONDS
import socket, sys, time

s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
batch = b"*2\r\n$3\r\nGET\r\n$4\r\nnone\r\n" * 2000
end = time.time() + float(sys.argv[2])
while time.time() < end:
    s.sendall(batch)
    got = 0
    while got < 2000 * 5:
        chunk = s.recv(65536)
        if not chunk:
            sys.exit(0)
        got += len(chunk)
