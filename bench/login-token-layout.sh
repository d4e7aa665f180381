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

python3 - "$WORK/callgrind.out" >link/login-token.ld <<'PY'
import re, sys

# Every function run, by name: callgrind names a function once, `fn=(N) name` or
# `cfn=(N) name`, and by `(N)` alone after that. The Rust-mangled ones are all ours:
# the loader and libc are C. (Matching the object instead would miss those already
# moved by this script: callgrind does not name the object of a section of our own.)
names, functions = {}, set()
for line in open(sys.argv[1]):
    m = re.match(r"^(c?)fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
    if not m:
        continue
    call, number, name = m.groups()
    if name:
        names[number] = name
    if not call:
        functions.add(names[number])

patterns = set()
for name in functions:
    if not name.startswith(("_ZN", "_R")):
        continue  # main, the C start-up code, libc and unnamed addresses
    # Callgrind marks a function's second instance (a recursion) with 'N.
    name = re.sub(r"'\d+$", "", name)
    # What changes with the compiler, the features and the lock file: the hash of a
    # legacy name, the crate disambiguators of a v0 one, and the number LTO gives a
    # local copy (`.2059`, `.llvm.123`).
    name = re.sub(r"(17h[0-9a-f]{16}E)?(\.llvm)?\.\d+$", "*", name)
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
