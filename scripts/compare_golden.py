#!/usr/bin/env python3
"""compare_golden.py — run a golden probe built against comrt and compare its
output with the golden file recorded from the Wine oracle.

    compare_golden.py PROBE_EXE GOLDEN DEVIATIONS [PROBE_EXE GOLDEN ...]
                      [--report FILE] [--threshold 99.5] [--show N]

Both outputs are lines "KEY => RESULT" ('#' lines are comments).  Cases are
matched by KEY.  The test fails when
  * a case differs and no row of DEVIATIONS (tests/golden/DEVIATIONS.md)
    explains it,
  * a key is missing from the probe's output or is not in the golden file,
  * a key appears twice, or the probe exits non-zero,
  * fewer than --threshold percent of the golden cases match exactly
    (explained deviations count as mismatches here; with several
    probe/golden pairs the floor applies to all their cases together).
It prints the match rate, mismatch counts per category (for VARIANT
conversions: source type -> target type), the most common HRESULT patterns,
and the first --show unexplained mismatches; --report writes all of them.

DEVIATIONS.md rows (the markdown table under "## Deviations", see that file):
  | Probe | Case key | Wine says | comrt says | Reason | Evidence |
Probe is a probe name or '*'; the next three cells are globs ('*' any run of
characters, '?' one character; write '\\|' for a literal '|') matched against
the whole key and results; a cell may be wrapped in backticks.

Stdlib only, so CI needs nothing but python3.
"""

import argparse
import collections
import os
import re
import struct
import subprocess
import sys

SEP = " => "


def parse_cases(lines, origin, errors):
    """KEY => RESULT lines -> ordered dict; duplicates and junk go to errors."""
    cases = collections.OrderedDict()
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        i = line.find(SEP)
        if i < 0:
            errors.append("%s:%d: not a case line: %r" % (origin, n, line[:200]))
            continue
        key, val = line[:i], line[i + len(SEP):]
        if key in cases:
            errors.append("%s:%d: duplicate key %r" % (origin, n, key))
            continue
        cases[key] = val
    return cases


def glob_to_re(pattern):
    out = []
    for ch in pattern:
        if ch == "*":
            out.append(".*")
        elif ch == "?":
            out.append(".")
        else:
            out.append(re.escape(ch))
    return re.compile("^" + "".join(out) + "$", re.S)


def split_row(line):
    """Cells of a markdown table row; '\\|' is a literal bar."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, cur, i = [], [], 0
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body) and body[i + 1] == "|":
            cur.append("|")
            i += 2
            continue
        if body[i] == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(body[i])
        i += 1
    cells.append("".join(cur).strip())
    return cells


def unquote(cell):
    cell = cell.strip()
    if len(cell) >= 2 and cell.startswith("`") and cell.endswith("`"):
        cell = cell[1:-1]
    return cell


class Deviation:
    def __init__(self, lineno, probe, key, wine, comrt, reason):
        self.lineno = lineno
        self.probe = probe
        self.key_src = key
        self.key = glob_to_re(key)
        self.wine = glob_to_re(wine or "*")
        self.comrt = glob_to_re(comrt or "*")
        self.reason = reason
        self.used = 0

    def explains(self, probe, key, want, got):
        return ((self.probe in ("*", probe)) and self.key.match(key) is not None
                and self.wine.match(want) is not None and self.comrt.match(got) is not None)


def load_deviations(path, errors):
    devs = []
    if not path or not os.path.exists(path):
        return devs
    in_section = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#"):
                # only the tables under the "## Deviations" heading count
                in_section = line.strip().lower().startswith("## deviations")
                continue
            if not in_section or not line.lstrip().startswith("|"):
                continue
            cells = split_row(line)
            if len(cells) < 6:
                errors.append("%s:%d: a deviation row needs 6 cells, has %d" % (path, n, len(cells)))
                continue
            first = unquote(cells[0])
            if first.lower() == "probe" or set(first) <= set("-: "):
                continue  # header or separator
            probe, key, wine, comrt = (unquote(c) for c in cells[:4])
            reason = cells[4].strip()
            if not key or not reason:
                errors.append("%s:%d: a deviation needs a key pattern and a reason" % (path, n))
                continue
            devs.append(Deviation(n, probe, key, wine, comrt, reason))
    return devs


TYPE_RE = re.compile(r"^(?:INPLACE )?([A-Z0-9_|]+(?:\(0x[0-9A-F]+\))?)")


def category(key):
    """'R8(0.5) -> I4 lcid=0409 f=0' -> 'R8 -> I4'; otherwise the first word."""
    if " -> " in key:
        left, right = key.split(" -> ", 1)
        m = TYPE_RE.match(left)
        src = m.group(1) if m else left.split("(")[0]
        return "%s -> %s" % (src, right.split(" ")[0])
    return re.split(r"[ (:\[]", key, 1)[0]


def hr_of(result):
    return result.split(" ", 1)[0]


HEXBITS = re.compile(r"\b(R8|DATE|R4):0x([0-9A-F]{8,16})\b")


def annotate(result):
    """Readable doubles next to their bit patterns, for humans only."""
    def sub(m):
        bits = int(m.group(2), 16)
        if m.group(1) == "R4" and len(m.group(2)) == 8:
            val = struct.unpack("<f", struct.pack("<I", bits))[0]
        elif len(m.group(2)) == 16:
            val = struct.unpack("<d", struct.pack("<Q", bits))[0]
        else:
            return m.group(0)
        return "%s{%r}" % (m.group(0), val)
    return HEXBITS.sub(sub, result)


def compare_one(probe_exe, golden_path, args):
    """Runs one probe against its golden file, prints the report, and
    returns (matched, total, ok) where ok ignores the match-rate floor."""
    probe = os.path.basename(golden_path)
    probe = probe[:-4] if probe.endswith(".txt") else probe
    errors = []

    with open(golden_path, encoding="utf-8") as f:
        golden_lines = f.readlines()
    header = next((l.strip() for l in golden_lines if l.startswith("# golden:")), "(no header)")
    golden = parse_cases(golden_lines, golden_path, errors)

    # The goldens were recorded with en-US as the default user locale; make
    # sure a configured default (COMRT_LCID) does not leak into the run.
    env = dict(os.environ)
    env.pop("COMRT_LCID", None)
    try:
        run = subprocess.run([probe_exe], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             timeout=args.timeout, env=env)
        out = run.stdout.decode("utf-8", "replace")
        if run.returncode != 0:
            errors.append("probe exited with status %d; stderr: %s"
                          % (run.returncode, run.stderr.decode("utf-8", "replace")[-2000:]))
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        errors.append("probe timed out after %gs" % args.timeout)
    except OSError as e:
        out = ""
        errors.append("cannot run the probe: %s" % e)
    got = parse_cases(out.splitlines(), "probe output", errors)
    devs = load_deviations(args.deviations, errors)

    matched = 0
    explained = []
    unexplained = []
    missing = []
    per_cat = collections.Counter()          # unexplained (and missing)
    per_cat_explained = collections.Counter()
    per_cat_total = collections.Counter()
    patterns = collections.Counter()
    for key, want in golden.items():
        cat = category(key)
        per_cat_total[cat] += 1
        if key not in got:
            missing.append(key)
            per_cat[cat] += 1
            continue
        have = got[key]
        if have == want:
            matched += 1
            continue
        dev = next((d for d in devs if d.explains(probe, key, want, have)), None)
        if dev:
            dev.used += 1
            per_cat_explained[cat] += 1
            explained.append((key, want, have, dev))
        else:
            per_cat[cat] += 1
            patterns["%s  wine %s / comrt %s" % (cat, hr_of(want), hr_of(have))] += 1
            unexplained.append((key, want, have))
    extra = [k for k in got if k not in golden]

    total = len(golden)
    rate = 100.0 * matched / total if total else 0.0
    print("golden %s: %s" % (probe, header))
    print("%s: %d/%d cases match (%.3f%%); %d explained deviations, %d unexplained mismatches, "
          "%d missing, %d extra" % (probe, matched, total, rate, len(explained), len(unexplained),
                                   len(missing), len(extra)))

    if per_cat or per_cat_explained:
        cats = sorted(set(per_cat) | set(per_cat_explained),
                      key=lambda c: (-per_cat[c], -per_cat_explained[c], c))
        print("\nmismatches by category (unexplained, explained / total cases):")
        for cat in cats[:40]:
            print("  %-40s %6d %6d / %d" % (cat, per_cat[cat], per_cat_explained[cat], per_cat_total[cat]))
        if len(cats) > 40:
            print("  ... %d more categories" % (len(cats) - 40))
    if patterns:
        print("\ntop unexplained mismatch patterns:")
        for pat, n in patterns.most_common(15):
            print("  %6d  %s" % (n, pat))

    def fmt(key, want, have):
        return "  %s\n      wine:  %s\n      comrt: %s" % (key, annotate(want), annotate(have))

    if unexplained:
        print("\nunexplained mismatches (first %d of %d):" % (min(args.show, len(unexplained)), len(unexplained)))
        for key, want, have in unexplained[:args.show]:
            print(fmt(key, want, have))
    if missing:
        print("\nmissing from the probe's output (first 20 of %d):" % len(missing))
        for key in missing[:20]:
            print("  " + key)
    if extra:
        print("\nnot in the golden file (first 20 of %d):" % len(extra))
        for key in extra[:20]:
            print("  " + key)
    stale = [d for d in devs if d.used == 0 and d.probe in ("*", probe)]
    if stale:
        print("\nnote: DEVIATIONS.md rows that explain nothing in this run:")
        for d in stale:
            print("  line %d: %s" % (d.lineno, d.key_src))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("# %s: unexplained mismatches (%d), then explained (%d), missing (%d), extra (%d)\n"
                    % (probe, len(unexplained), len(explained), len(missing), len(extra)))
            for key, want, have in unexplained:
                f.write(fmt(key, want, have) + "\n")
            f.write("\n# explained\n")
            for key, want, have, dev in explained:
                f.write(fmt(key, want, have) + "\n      (DEVIATIONS.md line %d)\n" % dev.lineno)
            for key in missing:
                f.write("MISSING " + key + "\n")
            for key in extra:
                f.write("EXTRA " + key + "\n")
        print("\nfull list: %s" % args.report)
    for e in errors:
        print("error: " + e)

    ok = not (errors or unexplained or missing or extra)
    return matched, total, ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("probe_exe")
    ap.add_argument("golden")
    ap.add_argument("deviations")
    ap.add_argument("more", nargs="*", metavar="PROBE_EXE GOLDEN",
                    help="further probe/golden pairs: the match-rate floor then applies to all "
                         "of them together (every mismatch must still be explained)")
    ap.add_argument("--report", help="write every unexplained mismatch here")
    ap.add_argument("--threshold", type=float, default=99.5)
    ap.add_argument("--show", type=int, default=int(os.environ.get("GOLDEN_SHOW", "60")))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    if len(args.more) % 2:
        ap.error("further probes come in PROBE_EXE GOLDEN pairs")

    pairs = [(args.probe_exe, args.golden)] + list(zip(args.more[0::2], args.more[1::2]))
    matched = total = 0
    failed = False
    for probe_exe, golden_path in pairs:
        if len(pairs) > 1:
            print("=" * 78)
        m, t, ok = compare_one(probe_exe, golden_path, args)
        matched, total, failed = matched + m, total + t, failed or not ok
    rate = 100.0 * matched / total if total else 0.0
    if len(pairs) > 1:
        print("=" * 78)
        print("together: %d/%d cases match (%.3f%%)" % (matched, total, rate))
    if rate < args.threshold:
        failed = True
        print("FAIL: match rate %.3f%% is below %.1f%%" % (rate, args.threshold))
    print("%d passed, %d failed" % (0 if failed else 1, 1 if failed else 0))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
