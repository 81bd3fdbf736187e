"""HTTP requests for the exporter's tests, with Python's own http.client (a real client,
not the code under test). Reads one JSON spec on stdin, prints JSON on stdout."""
import http.client
import json
import sys
import threading
import time
import urllib.parse


def split(url):
    parts = urllib.parse.urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    return parts.hostname, parts.port, path


def one(method, url, headers, timeout=30):
    host, port, path = split(url)
    start = time.monotonic()
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return {"status": response.status, "seconds": time.monotonic() - start, "body": body}
    except Exception as error:  # a refused or cut connection is a result too
        return {"status": 0, "seconds": time.monotonic() - start, "body": repr(error)}
    finally:
        connection.close()


def up(body):
    for line in body.splitlines():
        if line.startswith("redis_doctor_up "):
            return line.split()[1] == "1"
    return None


def main():
    spec = json.load(sys.stdin)
    mode = spec["mode"]
    headers = spec.get("headers", {})
    if mode == "one":
        print(json.dumps(one(spec["method"], spec["url"], headers)))
    elif mode == "burst":
        results = [None] * len(spec["urls"])

        delays = spec.get("delays") or [0] * len(spec["urls"])

        def run(index, url):
            time.sleep(delays[index])
            result = one("GET", url, headers)
            results[index] = {"status": result["status"], "seconds": result["seconds"], "up": up(result["body"])}

        threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(spec["urls"])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(json.dumps(results))
    elif mode == "abandon":
        # Sends a request and leaves after `after` seconds without reading the answer.
        host, port, path = split(spec["url"])
        connection = http.client.HTTPConnection(host, port, timeout=spec["after"])
        connection.request("GET", path)
        try:
            connection.getresponse()
            print(json.dumps({"answered": True}))
        except Exception:
            print(json.dumps({"answered": False}))
        connection.close()
    elif mode == "keepalive":
        host, port, path = split(spec["url"])
        connection = http.client.HTTPConnection(host, port, timeout=30)
        ok = 0
        first = None
        same = True
        for _ in range(spec["count"]):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if first is None:
                first = connection.sock
            same = same and connection.sock is first
            if response.status == 200 and response.getheader("Connection", "").lower() == "keep-alive":
                ok += 1
        connection.close()
        print(json.dumps({"ok": ok, "same_connection": same}))


main()
