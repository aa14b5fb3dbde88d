# Runs a command on a real pseudo-terminal (python3's pty module) and plays a person at the keyboard:
# waits for each expected text on the screen, then types the reply. Prints JSON: exit code and the
# whole screen. Used by the CLI tests of prompts (`pullguard detect`).
#   python3 pty-session.py '{"argv": [...], "cwd": "...", "env": {...}, "steps": [["expected", "typed"], ...]}'
import json
import os
import pty
import select
import sys
import time

spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec["cwd"])
    os.execvpe(spec["argv"][0], spec["argv"], spec["env"])

screen = b""
seen = 0


def read_until(needle, timeout=20.0):
    global screen
    end = time.time() + timeout
    while needle.encode() not in screen[seen:]:
        ready, _, _ = select.select([fd], [], [], max(0.0, end - time.time()))
        if not ready:
            print(json.dumps({"code": None, "screen": screen.decode("utf8", "replace"), "timeout": needle}))
            os.kill(pid, 9)
            sys.exit(0)
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            chunk = b""
        if not chunk:
            break
        screen += chunk


for expected, typed in spec["steps"]:
    read_until(expected)
    seen = screen.index(expected.encode(), seen) + len(expected.encode())
    time.sleep(0.1)
    os.write(fd, typed.encode())

while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    screen += chunk
_, status = os.waitpid(pid, 0)
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "screen": screen.decode("utf8", "replace")}))
