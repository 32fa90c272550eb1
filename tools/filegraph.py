#!/usr/bin/env python3
"""The call graph between quoth's source files, and a check that it has no
circle: a stage file may call earlier stages and shared utilities, never a
later stage that calls it back.

    tools/filegraph.py BUILDDIR            check; exit 1 on a circle
    tools/filegraph.py --print BUILDDIR    also print every edge

It reads the object files Meson left in BUILDDIR (the library's and the
CLI's, each a separate graph) with `nm`: a file "calls" another when it
uses (U) a symbol the other defines (T, D, B, R).  Inline functions in
headers and static helpers are invisible to nm and need no check: they
cannot make a circle between files.
"""

import glob
import os
import subprocess
import sys


def symbols(obj):
    """(defined, used) global symbol sets of one object file."""
    out = subprocess.run(['nm', '--defined-only', '-g', obj],
                         capture_output=True, text=True, check=True).stdout
    defined = {line.split()[-1] for line in out.splitlines() if line.strip()}
    out = subprocess.run(['nm', '--undefined-only', obj],
                         capture_output=True, text=True, check=True).stdout
    used = {line.split()[-1] for line in out.splitlines() if line.strip()}
    return defined, used


def source_name(obj):
    """src_attrib.c.o -> attrib.c (Meson's object naming)."""
    base = os.path.basename(obj)
    if base.endswith('.o'):
        base = base[:-2]
    if base.startswith('src_'):
        base = base[4:]
    return base


def graph(objs):
    defs = {}
    uses = {}
    for obj in objs:
        name = source_name(obj)
        d, u = symbols(obj)
        uses[name] = u
        for s in d:
            defs[s] = name
    edges = {name: set() for name in uses}
    for name, u in uses.items():
        for s in u:
            other = defs.get(s)
            if other and other != name:
                edges[name].add(other)
    return edges


def cycles(edges):
    """Strongly connected components with more than one file (Tarjan)."""
    index = {}
    low = {}
    stack = []
    on = set()
    found = []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main(argv):
    show = '--print' in argv
    args = [a for a in argv if a != '--print']
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    build = args[0]
    groups = {
        'library': sorted(glob.glob(os.path.join(build, 'libquoth.so*.p',
                                                 'src_*.o'))),
        'cli': sorted(glob.glob(os.path.join(build, 'quoth.p', 'src_*.o'))),
    }
    status = 0
    for label, objs in groups.items():
        if not objs:
            print(f'filegraph: no object files for the {label} in {build}',
                  file=sys.stderr)
            return 2
        edges = graph(objs)
        if show:
            for v in sorted(edges):
                print(f'{label}: {v} -> {", ".join(sorted(edges[v])) or "-"}')
        for comp in cycles(edges):
            status = 1
            inner = [f'{v} -> {w}' for v in comp for w in sorted(edges[v])
                     if w in comp]
            print(f'filegraph: {label}: files call each other in a circle: '
                  f'{", ".join(comp)} ({"; ".join(inner)})', file=sys.stderr)
        if status == 0:
            print(f'{label}: {len(edges)} files, no circle')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
