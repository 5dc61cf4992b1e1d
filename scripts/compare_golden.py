#!/usr/bin/env python3
"""compare_golden.py — run a golden probe built against comrt and compare its
output with the golden file recorded from the Wine oracle.

    compare_golden.py PROBE_EXE GOLDEN DEVIATIONS [PROBE_EXE GOLDEN ...]
                      [--report FILE] [--threshold 99.5] [--show N]
                      [--probe-arg ARG] [--probe-name NAME] [--cwd DIR]
    compare_golden.py PROBE_EXE --corpus CORPUS DEVIATIONS
                      [--fixtures DIR] [--golden-dir DIR] [--threshold T]

--probe-arg passes ARG to the probe (repeatable); --probe-name names the
probe for DEVIATIONS.md (default: the golden file's name without .txt);
--cwd runs the probe in DIR.
--corpus runs the probe once per line "NAME PATH" of CORPUS (the type
library corpus, tests/typelib/corpus.txt) with FIXTURES/PATH as argument,
in FIXTURES as the current directory, compares with GOLDEN_DIR/NAME.txt
(probe name "tlbdump/NAME") and prints
one line per library and the total; libraries without a golden (Wine
crashed on them) must only not crash the probe.

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

A golden line "crash SCOPE => WINE-CRASH" records that Wine's oleaut32
crashed while the probe printed SCOPE (for tlbdump: "t016/f11", a member of
a type); there is no oracle for it, so comrt's lines whose second word is
SCOPE or starts with "SCOPE/" are not compared (and not counted) unless
the golden has them.

The Probe cell of DEVIATIONS.md is a glob too ("tlbdump/*" for every
type library).

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
        return (glob_to_re(self.probe).match(probe) is not None and self.key.match(key) is not None
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


def field_of_diff(want, have):
    """The label of the first differing word ("vft", "index", "ret", ...)
    of two results, for grouping type-library mismatches by field."""
    a, b = want.split(" "), have.split(" ")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else ""
        y = b[i] if i < len(b) else ""
        if x != y:
            word = x or y
            m = re.match(r"^([A-Za-z_.]+)[=:]", word)
            if i == 0:
                if re.match(r"^[0-9A-F]{8}$", x) and re.match(r"^[0-9A-F]{8}$", y):
                    return "hr %s/%s" % (x, y)
                if "USERDEFINED(" in x and "USERDEFINED(" in y:
                    return "type (USERDEFINED reference)"
                return "type"
            return m.group(1) if m else "word%d" % i
    return "?"


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


CRASH_MARK = "WINE-CRASH"


def crash_scopes(golden):
    """SCOPEs of the golden's "crash SCOPE => WINE-CRASH" lines (removed)."""
    scopes = []
    for key in [k for k, v in golden.items() if v == CRASH_MARK and k.startswith("crash ")]:
        scopes.append(key.split(" ", 1)[1])
        del golden[key]
    return scopes


def in_scopes(key, scopes):
    words = key.split(" ")
    if len(words) < 2:
        return False
    return any(words[1] == s or words[1].startswith(s + "/") for s in scopes)


def compare_one(probe_exe, golden_path, args, probe_args=(), probe_name=None, quiet=False, cwd=None):
    """Runs one probe against its golden file, prints the report, and
    returns (matched, total, ok) where ok ignores the match-rate floor."""
    probe = os.path.basename(golden_path)
    probe = probe[:-4] if probe.endswith(".txt") else probe
    if probe_name:
        probe = probe_name
    errors = []

    with open(golden_path, encoding="utf-8") as f:
        golden_lines = f.readlines()
    header = next((l.strip() for l in golden_lines if l.startswith("# golden:")), "(no header)")
    golden = parse_cases(golden_lines, golden_path, errors)
    scopes = crash_scopes(golden)

    # The goldens were recorded with en-US as the default user locale; make
    # sure a configured default (COMRT_LCID) does not leak into the run.
    env = dict(os.environ)
    env.pop("COMRT_LCID", None)
    try:
        run = subprocess.run([probe_exe] + list(probe_args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             timeout=args.timeout, env=env, cwd=cwd)
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
            if probe.startswith("tlbdump"):
                patterns["%s  %s" % (cat, field_of_diff(want, have))] += 1
            else:
                patterns["%s  wine %s / comrt %s" % (cat, hr_of(want), hr_of(have))] += 1
            unexplained.append((key, want, have))
    extra = [k for k in got if k not in golden]
    no_oracle = [k for k in extra if in_scopes(k, scopes)]
    extra = [k for k in extra if not in_scopes(k, scopes)]

    total = len(golden)
    rate = 100.0 * matched / total if total else 0.0
    if quiet:
        # One line per golden (the --corpus summary); the report has the rest.
        write_report(args.report, probe, unexplained, explained, missing, extra, fmt_case, append=True)
        for e in errors:
            print("  error: " + e)
        return matched, total, not (errors or unexplained or missing or extra), \
            (len(explained), len(unexplained), len(missing), len(extra), len(scopes), patterns)
    print("golden %s: %s" % (probe, header))
    print("%s: %d/%d cases match (%.3f%%); %d explained deviations, %d unexplained mismatches, "
          "%d missing, %d extra" % (probe, matched, total, rate, len(explained), len(unexplained),
                                   len(missing), len(extra)))
    if scopes:
        print("%s: Wine crashed in %d places (%s); %d of comrt's lines there have no oracle"
              % (probe, len(scopes), ", ".join(scopes[:8]), len(no_oracle)))

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

    fmt = fmt_case

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
    stale = [d for d in devs if d.used == 0 and glob_to_re(d.probe).match(probe)]
    if stale:
        print("\nnote: DEVIATIONS.md rows that explain nothing in this run:")
        for d in stale:
            print("  line %d: %s" % (d.lineno, d.key_src))
    if args.report:
        write_report(args.report, probe, unexplained, explained, missing, extra, fmt)
        print("\nfull list: %s" % args.report)
    for e in errors:
        print("error: " + e)

    ok = not (errors or unexplained or missing or extra)
    return matched, total, ok


def fmt_case(key, want, have):
    return "  %s\n      wine:  %s\n      comrt: %s" % (key, annotate(want), annotate(have))


def write_report(path, probe, unexplained, explained, missing, extra, fmt, append=False):
    if not path:
        return
    with open(path, "a" if append else "w", encoding="utf-8") as f:
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


def read_corpus(path):
    """[(name, relative path)] from a corpus list ('#' comments)."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, rel = line.split(None, 1)
                cases.append((name, rel))
    return cases


def fixture_arg(fixtures, rel):
    """FIXTURES/REL, keeping a trailing "\\N" resource number as it is."""
    return os.path.join(fixtures, rel)


def run_corpus(args):
    """--corpus: one line per library, then the total."""
    corpus = read_corpus(args.corpus)
    fixtures = os.path.abspath(args.fixtures or os.path.join(os.path.dirname(os.path.abspath(args.corpus)),
                                                             "fixtures"))
    args.probe_exe = os.path.abspath(args.probe_exe)
    golden_dir = args.golden_dir
    if args.report:
        open(args.report, "w").close()
    matched = total = 0
    failed = False
    patterns = collections.Counter()
    print("%-28s %8s %8s %7s %5s %5s %5s %5s %5s" % ("library", "match", "cases", "rate", "expl", "unexp",
                                                      "miss", "extra", "crash"))
    for name, rel in corpus:
        golden = os.path.join(golden_dir, name + ".txt")
        arg = fixture_arg(fixtures, rel)
        if not os.path.exists(golden):
            # Wine crashed on this file: comrt must at least survive it.
            try:
                run = subprocess.run([args.probe_exe, arg], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     timeout=args.timeout, cwd=fixtures)
                ok = run.returncode == 0 and run.stdout.decode("utf-8", "replace").find("load => ") >= 0
            except (subprocess.TimeoutExpired, OSError):
                ok = False
            print("%-28s %s" % (name, "no golden (Wine crashes); comrt survives" if ok
                                else "no golden (Wine crashes); comrt FAILED to survive it"))
            failed = failed or not ok
            continue
        m, t, ok, extra = compare_one(args.probe_exe, golden, args, probe_args=[arg],
                                      probe_name="tlbdump/" + name, quiet=True, cwd=fixtures)
        nexp, nunexp, nmiss, nextra, ncrash, pats = extra
        patterns.update(pats)
        matched, total, failed = matched + m, total + t, failed or not ok
        print("%-28s %8d %8d %6.2f%% %5d %5d %5d %5d %5d" % (name, m, t, 100.0 * m / t if t else 0.0,
                                                           nexp, nunexp, nmiss, nextra, ncrash))
    rate = 100.0 * matched / total if total else 0.0
    print("%-28s %8d %8d %6.2f%%" % ("TOTAL", matched, total, rate))
    if patterns:
        print("\ntop unexplained mismatch patterns (all libraries):")
        for pat, n in patterns.most_common(25):
            print("  %6d  %s" % (n, pat))
    if args.report:
        print("\nfull list: %s" % args.report)
    if rate < args.threshold:
        failed = True
        print("FAIL: match rate %.3f%% is below %.1f%%" % (rate, args.threshold))
    print("%d passed, %d failed" % (0 if failed else 1, 1 if failed else 0))
    return 1 if failed else 0


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
    ap.add_argument("--probe-arg", action="append", default=[], help="an argument for the probe (repeatable)")
    ap.add_argument("--probe-name", help="the probe's name in DEVIATIONS.md")
    ap.add_argument("--cwd", help="run the probe in this directory")
    ap.add_argument("--corpus", help="run the probe over a corpus list (see above)")
    ap.add_argument("--fixtures", help="with --corpus: the fixture directory")
    ap.add_argument("--golden-dir", help="with --corpus: the directory of NAME.txt goldens")
    if "--corpus" in sys.argv:
        # PROBE_EXE --corpus CORPUS DEVIATIONS: no golden positional
        ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
        ap.add_argument("probe_exe")
        ap.add_argument("deviations")
        ap.add_argument("--corpus", required=True)
        ap.add_argument("--fixtures")
        ap.add_argument("--golden-dir", required=True)
        ap.add_argument("--report")
        ap.add_argument("--threshold", type=float, default=0.0)
        ap.add_argument("--show", type=int, default=0)
        ap.add_argument("--timeout", type=float, default=600)
        return run_corpus(ap.parse_args())
    args = ap.parse_args()
    if len(args.more) % 2:
        ap.error("further probes come in PROBE_EXE GOLDEN pairs")

    pairs = [(args.probe_exe, args.golden)] + list(zip(args.more[0::2], args.more[1::2]))
    matched = total = 0
    failed = False
    for probe_exe, golden_path in pairs:
        if len(pairs) > 1:
            print("=" * 78)
        m, t, ok = compare_one(os.path.abspath(probe_exe), golden_path, args, probe_args=args.probe_arg,
                               probe_name=args.probe_name, cwd=args.cwd)
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
