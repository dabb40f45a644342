#!/usr/bin/env python3
"""Rewrites the parameter tables of docs/odd.md from the model's JSON Schema, so that the ODD's
defaults, units, ranges and meanings are those of the code.

    ./officialdom schema bureaucracy > /tmp/schema.json && scripts/odd-tables.py /tmp/schema.json docs/odd.md

A table is a run of lines starting with "| `"; its group is the first row's path up to the first
dot (top-level parameters form their own table). Every parameter of the group is written, in the
schema's order; a group's parameters missing from every table are reported.
"""
import json
import sys

INT_EXTREMES = {-2147483648, 2147483647, -9223372036854775808, 9223372036854775807}
DOUBLE_MAX = 1.7976931348623157e308


def leaves(node, prefix=""):
    for name, value in node["properties"].items():
        path = prefix + name
        if "properties" in value:
            yield from leaves(value, path + ".")
        else:
            yield path, value


def number(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v)) if abs(v) >= 1e6 else repr(v)
    return json.dumps(v)


def bound(v):
    if v is None or v in INT_EXTREMES or abs(v) >= DOUBLE_MAX:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(v)


def row(path, p):
    default = p.get("default")
    if default is None:
        default = ""
    elif isinstance(default, list):
        default = json.dumps(default)
    elif isinstance(default, bool):
        default = str(default).lower()
    elif isinstance(default, (int, float)):
        default = number(default)
    # a list's range is that of each entry; a fixed length is said too
    each = p.get("items", {}) if p.get("type") == "array" else p
    lo, hi = bound(each.get("minimum")), bound(each.get("maximum"))
    rng = f"[{lo}, {hi}]" if (lo or hi) else ""
    if p.get("type") == "array" and rng:
        rng += " each"
    if p.get("type") == "array" and "minItems" in p and p.get("minItems") == p.get("maxItems"):
        rng = (rng + ", " if rng else "") + f"{p['minItems']} entries"
    return f"| `{path}` | {default} | {p.get('x-unit', '')} | {rng} | {p.get('description', '')} |"


def main(schema_file, odd_file):
    schema = json.load(open(schema_file))
    params = schema["properties"]["parameters"]
    by_group = {}
    for path, p in leaves(params):
        group = path.split(".")[0] if "." in path else ""
        by_group.setdefault(group, []).append((path, p))
    lines = open(odd_file).read().split("\n")
    out, i, written = [], 0, set()
    while i < len(lines):
        if not lines[i].startswith("| `"):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].startswith("| `"):
            j += 1
        first = lines[i].split("`")[1]
        group = first.split(".")[0] if "." in first else ""
        if group == "":
            # top-level parameters sit in tables of their own: rewrite the rows present, plus any not yet written
            present = [l.split("`")[1] for l in lines[i:j]]
            rows = [(path, p) for path, p in by_group[""] if path in present or (path not in written and path not in
                    {l.split("`")[1] for l in lines if l.startswith("| `")})]
        else:
            rows = by_group.get(group, [])
        for path, p in rows:
            out.append(row(path, p))
            written.add(path)
        i = j
    open(odd_file, "w").write("\n".join(out))
    missing = [path for group in by_group.values() for path, _ in group if path not in written]
    if missing:
        print("not in any table of " + odd_file + ": " + ", ".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
