#!/usr/bin/env bash
# Writes link/login-token.ld: the functions `coder login token` runs, placed together at
# the start of the text segment (build.rs hands the script to the linker on Linux with
# glibc). `login token` runs in every CI step and is over in under a millisecond, so
# page faults are a large part of it: the kernel maps the text 64 KB at a time as it is
# first touched, and the seventy-odd functions of this path lie in twenty such pieces
# when the linker is left to place them, in two when they are placed together.
#
# Run it again when the path changes (bench/run.sh's page-fault row shows when it has
# gone stale). A name that no longer exists matches nothing and costs nothing. Needs
# valgrind (callgrind) and python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coder-layout.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# Symbols are needed to name the functions; the layout does not change with them.
CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --locked -p coder \
    --target-dir "$WORK/target" >&2
BIN=$WORK/target/release/coder
mkdir "$WORK/cfg"
printf %s 'https://coder.example.com' >"$WORK/cfg/url"
printf %s 'layout-token' >"$WORK/cfg/session"
env -i PATH="$PATH" HOME="$WORK" valgrind --tool=callgrind --demangle=no \
    --callgrind-out-file="$WORK/callgrind.out" \
    "$BIN" --global-config "$WORK/cfg" login token >/dev/null 2>"$WORK/valgrind.log" ||
    { cat "$WORK/valgrind.log" >&2; exit 1; }

python3 - "$WORK/callgrind.out" "$BIN" >link/login-token.ld <<'PY'
import re, sys

profile, binary = sys.argv[1], sys.argv[2]
names = {"ob": {}, "fn": {}}
current, functions = None, set()
for line in open(profile):
    m = re.match(r"^c?(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
    if not m:
        continue
    kind, number, name = m.groups()
    if name:
        names[kind][number] = name
    if line.startswith("ob="):
        current = names["ob"][number]
    elif line.startswith("fn=") and current == binary:
        functions.add(names["fn"][number])

patterns = set()
for name in functions:
    if not name.startswith(("_ZN", "_R")):
        continue  # main, the C start-up code and unnamed addresses
    # The hashes in names change with the compiler, the features and the lock file.
    name = re.sub(r"17h[0-9a-f]{16}E$", "*", name)
    name = re.sub(r"Cs[0-9A-Za-z]+_", "Cs*_", name)
    patterns.add(name)

print("/* Written by bench/login-token-layout.sh; see there. The functions `coder login")
print("   token` runs, first in the text segment: cold ones (`.text.unlikely.`) too. */")
print("SECTIONS\n{\n  .text.login_token : {")
for pattern in sorted(patterns):
    print(f"    *(.text.{pattern} .text.unlikely.{pattern})")
print("  }\n}\nINSERT BEFORE .text;")
PY
echo "link/login-token.ld: $(grep -c '^    \*' link/login-token.ld) functions" >&2
