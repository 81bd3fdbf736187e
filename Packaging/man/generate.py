#!/usr/bin/env python3
"""Writes redis-doctor(1) and redis-doctor-SUBCOMMAND(1) from the argument parser's own
definitions (`redis-doctor --experimental-dump-help`) plus the hand-written sections in
Packaging/man/sections.roff. Usage: generate.py path/to/redis-doctor OUTPUT_DIR VERSION"""
import json
import os
import subprocess
import sys

binary, out_dir, version = sys.argv[1], sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout)["command"]
# Reproducible: SOURCE_DATE_EPOCH when the build sets it, else the last commit's date.
def build_date():
    import datetime
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        run = subprocess.run(["git", "-C", here, "log", "-1", "--format=%ct"], capture_output=True, text=True)
        epoch = run.stdout.strip() or "0"
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%d")


DATE = build_date()
# Commands that take no connection options.
LOCAL = {"acl", "rules", "serve"}


def esc(text):
    """Text for roff: backslashes and hyphens escaped, a leading dot or quote made safe."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def option_lines(arguments):
    out = []
    for argument in arguments:
        if not argument.get("shouldDisplay", True) or argument["kind"] == "positional" and not argument.get("names"):
            if argument["kind"] != "positional":
                continue
        names = argument.get("names", [])
        if names:
            spelled = ", ".join(("\\-" if n["kind"] == "short" else "\\-\\-") + esc(n["name"]) for n in names)
        else:
            spelled = esc(argument.get("valueName", "argument"))
        if argument["kind"] == "option":
            spelled += " \\fI" + esc(argument.get("valueName", "value")) + "\\fR"
        out.append(".TP")
        out.append("\\fB" + spelled + "\\fR")
        out.append(esc(argument.get("abstract", "")) or ".")
    return out


def page(name, section_title, command, extra):
    title = name.upper()
    out = [f'.TH "{esc(title)}" 1 "{DATE}" "redis\\-doctor {esc(version)}" "User Commands"', ".SH NAME",
           f"{esc(name)} \\- {esc(command.get('abstract', ''))}", ".SH SYNOPSIS"]
    connects = not section_title or section_title not in LOCAL
    usage = "\\fBredis\\-doctor\\fR " + ("[\\fIconnection options\\fR] " if connects else "") + ("\\fB" + esc(section_title) + "\\fR " if section_title else "\\fIcommand\\fR ") + "[\\fIoptions\\fR]"
    out.append(usage)
    if command.get("discussion"):
        out += [".SH DESCRIPTION", esc(command["discussion"])]
    arguments = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    if arguments:
        out += [".SH OPTIONS"] + option_lines(arguments)
    if not section_title:
        out.append(".SH COMMANDS")
        for sub in command.get("subcommands", []):
            if sub["commandName"] == "help":
                continue
            out += [".TP", f"\\fB{esc(sub['commandName'])}\\fR", esc(sub.get("abstract", "")), "See \\fBredis\\-doctor\\-" + esc(sub["commandName"]) + "\\fR(1)."]
    out.append(extra.rstrip("\n"))
    return "\n".join(out) + "\n"


with open(os.path.join(here, "sections.roff")) as f:
    sections = f.read()
os.makedirs(out_dir, exist_ok=True)
written = []
with open(os.path.join(out_dir, "redis-doctor.1"), "w") as f:
    f.write(page("redis-doctor", None, tool, sections))
written.append("redis-doctor.1")
for sub in tool.get("subcommands", []):
    if sub["commandName"] == "help":
        continue
    name = "redis-doctor-" + sub["commandName"]
    see = '.SH SEE ALSO\n\\fBredis\\-doctor\\fR(1): the connection and TLS options, EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES.\n'
    with open(os.path.join(out_dir, name + ".1"), "w") as f:
        f.write(page(name, sub["commandName"], sub, see))
    written.append(name + ".1")
print("\n".join(written))
