#!/usr/bin/env bash
# The performance benchmark of the `coder` CLI (issue 6): one command from a clean clone,
#
#     bench/run.sh
#
# It installs what is missing (hyperfine, gh, curl, GNU time; Debian/Ubuntu apt), builds
# the release binaries, starts in-memory sandboxes on free loopback ports, and measures,
# side by side in one run:
#   - `coder login token` vs `cat <config>/session` (the floor) vs `gh auth token` (the
#     Go peer, reading a token stored in a temporary GH_CONFIG_DIR: no network);
#   - `coder tokens ls` vs curl on the same endpoint with the same header: 3 and 10,000
#     tokens, table and `-o json`, over HTTPS with a self-signed certificate, and at
#     10,000 tokens gzip-compressed (vs `curl --compressed`), with the bytes on the wire;
#   - peak RSS at 10,000 tokens vs curl, the stripped binary size, and the HTTP requests
#     each command makes (from the sandbox's access log).
# The table goes to stdout and into BENCHMARKS.md (between the bench markers).
# Nothing touches the user's configuration: HOME, XDG_CONFIG_HOME and GH_CONFIG_DIR
# point into a temporary directory that is removed on exit, with the sandboxes.
#
# Environment: BENCH_NO_WRITE=1 skips updating BENCHMARKS.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '>>> %s\n' "$*" >&2; }
die() {
    printf 'bench: %s\n' "$*" >&2
    exit 1
}

# --- Tools ------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v gh >/dev/null || missing+=(gh)
command -v curl >/dev/null || missing+=(curl)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    command -v apt-get >/dev/null || die "please install: ${missing[*]}"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    say "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
# hyperfine >= 1.13 runs commands without a shell (-N); older ones subtract the shell.
shell_none=(-N)
hyperfine -N --runs 1 true >/dev/null 2>&1 || shell_none=()

# --- Build ------------------------------------------------------------------------------
say "building release binaries"
cargo build --release --locked -p coder -p coder-sandbox >&2
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
RUSTC_VERSION=$(rustc --version)
CODER=$TARGET/release/coder
SANDBOX=$TARGET/release/coder-sandbox

# --- A private world --------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/coder-bench.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config GH_CONFIG_DIR=$WORK/gh
mkdir -p "$XDG_CONFIG_HOME" "$GH_CONFIG_DIR"
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^CODER_' || true)
unset GH_TOKEN GITHUB_TOKEN GH_HOST GH_ENTERPRISE_TOKEN GITHUB_ENTERPRISE_TOKEN \
    SSL_CERT_FILE SSL_CERT_DIR CURL_CA_BUNDLE \
    http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
export GH_NO_UPDATE_NOTIFIER=1 GH_PROMPT_DISABLED=1 NO_COLOR=1

# start NAME ARGS...: runs a sandbox, sets NAME_url and NAME_token.
start() {
    local name=$1
    shift
    "$SANDBOX" "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" &
    pids+=($!)
    for _ in $(seq 600); do
        grep -q '^member_token=' "$WORK/$name.out" 2>/dev/null && break
        kill -0 "${pids[-1]}" 2>/dev/null || die "sandbox $name did not start: $(cat "$WORK/$name.log")"
        sleep 0.05
    done
    grep -q '^member_token=' "$WORK/$name.out" || die "sandbox $name did not start in 30 s"
    printf -v "${name}_url" '%s' "$(sed -n 's/^url=//p' "$WORK/$name.out")"
    printf -v "${name}_token" '%s' "$(sed -n 's/^owner_token=//p' "$WORK/$name.out")"
}

# login NAME: logs coder in to sandbox NAME with config dir $WORK/NAME.cfg.
login() {
    local url=${1}_url token=${1}_token
    printf %s "${!token}" |
        "$CODER" --global-config "$WORK/$1.cfg" login "${!url}" --use-token-as-session >/dev/null 2>&1 ||
        die "coder could not log in to sandbox $1"
}

say "starting sandboxes"
start small
start big --seed 10000
start tls --tls --cert-out "$WORK/cert.pem"
start gz --seed 10000 --gzip
start counted --log
CERT=$WORK/cert.pem
login small
login big
login gz
login counted
SSL_CERT_FILE=$CERT login tls

GH_TOKEN_VALUE=gho_bench0000000000000000000000000000
cat >"$GH_CONFIG_DIR/hosts.yml" <<EOF
github.com:
    oauth_token: $GH_TOKEN_VALUE
    user: bench
    git_protocol: https
EOF
[ "$(gh auth token 2>/dev/null)" = "$GH_TOKEN_VALUE" ] || die "gh auth token does not print the stored token"
# shellcheck disable=SC2154 # small_token is set by `start small`.
[ "$("$CODER" --global-config "$WORK/small.cfg" login token)" = "$small_token" ] ||
    die "coder login token does not print the stored token"

TOKENS_PATH='api/v2/users/me/keys/tokens?include_all=false&include_expired=false'
coder_cmd() { printf '%q --global-config %q %s' "$CODER" "$WORK/$1.cfg" "$2"; }
curl_cmd() {
    local url=${1}_url token=${1}_token
    printf "curl -s %s -H 'Coder-Session-Token: %s' '%s/%s'" "${2:-}" "${!token}" "${!url}" "$TOKENS_PATH"
}

# Sanity: both sides fetch the same tokens.
rows=$(eval "$(coder_cmd big 'tokens ls')" | wc -l)
((rows > 10000)) || die "coder tokens ls at 10k printed only $rows lines"
ids=$(eval "$(curl_cmd big -f)" | grep -o '"token_name"' | wc -l)
((ids == rows - 1)) || die "curl saw $ids tokens, coder $((rows - 1))"
eval "$(curl_cmd tls "-f --cacert '$CERT'")" >/dev/null || die "curl over HTTPS failed"
rows_gz=$(eval "$(coder_cmd gz 'tokens ls')" | wc -l)
((rows_gz == rows)) || die "coder tokens ls over gzip printed $rows_gz lines, not $rows"
# bytes NAME [CURL ARGS]: the body's size on the wire.
bytes() { eval "$(curl_cmd "$1" "-f -o /dev/null -w '%{size_download}' ${2:-}")"; }
bytes_plain=$(bytes big)
bytes_gz=$(bytes gz --compressed)

# --- Timing -------------------------------------------------------------------------------
# bench GROUP WARMUP MIN_RUNS NAME COMMAND [NAME COMMAND...]: one hyperfine run.
bench() {
    local group=$1 warmup=$2 runs=$3
    shift 3
    local args=()
    while (($#)); do
        args+=(-n "$1" "$2")
        shift 2
    done
    say "timing: $group"
    hyperfine "${shell_none[@]}" --warmup "$warmup" --min-runs "$runs" \
        --export-csv "$WORK/$group.csv" "${args[@]}" >&2
}
# median GROUP NAME: the median in milliseconds.
median() {
    awk -F, -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == name { printf "%.3f", $col["median"] * 1000 }' "$WORK/$1.csv"
}

bench login 50 200 \
    cat "cat $WORK/small.cfg/session" \
    coder "$(coder_cmd small 'login token')" \
    gh "gh auth token"
bench small 20 100 \
    "coder table" "$(coder_cmd small 'tokens ls')" \
    "coder json" "$(coder_cmd small 'tokens ls -o json')" \
    curl "$(curl_cmd small)"
bench big 3 20 \
    "coder table" "$(coder_cmd big 'tokens ls')" \
    "coder json" "$(coder_cmd big 'tokens ls -o json')" \
    curl "$(curl_cmd big)"
SSL_CERT_FILE=$CERT bench tls 20 100 \
    "coder table" "$(coder_cmd tls 'tokens ls')" \
    curl "$(curl_cmd tls "--cacert '$CERT'")"
bench gz 3 20 \
    "coder table" "$(coder_cmd gz 'tokens ls')" \
    "coder json" "$(coder_cmd gz 'tokens ls -o json')" \
    curl "$(curl_cmd gz --compressed)"

# --- Memory, size, requests ---------------------------------------------------------------
# peak_rss COMMAND: the median of five peak RSS readings, in KiB.
peak_rss() {
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f %M sh -c "exec $1 >/dev/null" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 3p
}
say "measuring peak RSS"
rss_table=$(peak_rss "$(coder_cmd big 'tokens ls')")
rss_json=$(peak_rss "$(coder_cmd big 'tokens ls -o json')")
rss_curl=$(peak_rss "$(curl_cmd big)")

stripped=$WORK/coder.stripped
cp "$CODER" "$stripped"
command -v strip >/dev/null && strip "$stripped"
size=$(stat -c %s "$stripped")

# requests COMMAND...: runs coder against the logging sandbox; sets REQ_COUNT, REQ_LINES
# and REQ_OUT (its stdout).
requests() {
    local before
    before=$(wc -l <"$WORK/counted.log")
    REQ_OUT=$("$CODER" --global-config "$WORK/counted.cfg" "$@" 2>/dev/null) ||
        die "coder $* failed"
    REQ_LINES=$(tail -n +$((before + 1)) "$WORK/counted.log")
    REQ_COUNT=$(printf '%s\n' "$REQ_LINES" | grep -c . || true)
    REQUEST_LOG+=$(printf '$ coder %s\n%s' "$*" "$(printf '%s\n' "$REQ_LINES" | sed 's/^/    /')")$'\n'
}
say "counting requests"
REQUEST_LOG=
requests tokens ls
req_ls=$REQ_COUNT
requests tokens view ci-pipeline -o json
req_view=$REQ_COUNT
requests tokens create --name bench-requests
req_create=$REQ_COUNT
created=$REQ_OUT
requests tokens rm "$created"
req_rm=$REQ_COUNT
REQUEST_LOG=${REQUEST_LOG//$created/${created%%-*}-***}

# --- Report -------------------------------------------------------------------------------
# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE OP LIMIT: "met", or "missed by N %" relative to the limit.
verdict() {
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
        ok = (op == "<=") ? v <= l : v >= l
        if (ok) print "met"; else printf "missed by %.0f %%\n", (op == "<=" ? v / l - 1 : l / v - 1) * 100
    }'
}
ms() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.2f ms" : "%.1f ms"), v }'; }

login_cat=$(median login cat) login_coder=$(median login coder) login_gh=$(median login gh)
small_table=$(median small "coder table") small_json=$(median small "coder json")
small_curl=$(median small curl)
big_table=$(median big "coder table") big_json=$(median big "coder json") big_curl=$(median big curl)
tls_table=$(median tls "coder table") tls_curl=$(median tls curl)
gz_table=$(median gz "coder table") gz_json=$(median gz "coder json") gz_curl=$(median gz curl)

r_login=$(ratio "$login_coder" "$login_cat")
r_gh=$(ratio "$login_gh" "$login_coder")
r_small=$(ratio "$small_table" "$small_curl") r_small_json=$(ratio "$small_json" "$small_curl")
r_big=$(ratio "$big_table" "$big_curl") r_big_json=$(ratio "$big_json" "$big_curl")
r_tls=$(ratio "$tls_table" "$tls_curl")
r_gz=$(ratio "$gz_table" "$gz_curl") r_gz_json=$(ratio "$gz_json" "$gz_curl")
r_bytes=$(ratio "$bytes_gz" "$bytes_plain")
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1000 }'; }
r_rss=$(ratio "$rss_table" "$rss_curl") r_rss_json=$(ratio "$rss_json" "$rss_curl")
size_mb=$(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1e6 }')

table=$(
    cat <<EOF
| Measurement | coder | baseline | ratio | target | result |
|---|---:|---:|---:|---|---|
| \`login token\` vs \`cat <config>/session\` | $(ms "$login_coder") | $(ms "$login_cat") | ${r_login}× | ≤ 1.5× cat | $(verdict "$r_login" "<=" 1.5) |
| \`gh auth token\` vs \`coder login token\` | $(ms "$login_coder") | gh $(ms "$login_gh") | ${r_gh}× faster | ≥ 30× faster | $(verdict "$r_gh" ">=" 30) |
| \`tokens ls\`, 3 tokens, table vs curl | $(ms "$small_table") | $(ms "$small_curl") | ${r_small}× | ≤ 1.3× | $(verdict "$r_small" "<=" 1.3) |
| \`tokens ls\`, 3 tokens, \`-o json\` vs curl | $(ms "$small_json") | $(ms "$small_curl") | ${r_small_json}× | ≤ 1.3× | $(verdict "$r_small_json" "<=" 1.3) |
| \`tokens ls\`, 10,000 tokens, table vs curl | $(ms "$big_table") | $(ms "$big_curl") | ${r_big}× | ≤ 1.5× | $(verdict "$r_big" "<=" 1.5) |
| \`tokens ls\`, 10,000 tokens, \`-o json\` vs curl | $(ms "$big_json") | $(ms "$big_curl") | ${r_big_json}× | ≤ 1.3× | $(verdict "$r_big_json" "<=" 1.3) |
| \`tokens ls\` over HTTPS, 3 tokens, vs curl | $(ms "$tls_table") | $(ms "$tls_curl") | ${r_tls}× | ≤ 1.3× | $(verdict "$r_tls" "<=" 1.3) |
| \`tokens ls\`, 10,000 tokens gzipped, table vs \`curl --compressed\` | $(ms "$gz_table") | $(ms "$gz_curl") | ${r_gz}× | — | — |
| \`tokens ls\`, 10,000 tokens gzipped, \`-o json\` vs \`curl --compressed\` | $(ms "$gz_json") | $(ms "$gz_curl") | ${r_gz_json}× | — | — |
| bytes on the wire, \`tokens ls\` at 10,000, gzip vs plain | $(kb "$bytes_gz") ($bytes_gz bytes) | $(kb "$bytes_plain") | ${r_bytes}× | — | — |
| peak RSS, \`tokens ls\` at 10,000, table vs curl | ${rss_table} KiB | ${rss_curl} KiB | ${r_rss}× | ≤ 2× | $(verdict "$r_rss" "<=" 2) |
| peak RSS, \`tokens ls -o json\` at 10,000 vs curl | ${rss_json} KiB | ${rss_curl} KiB | ${r_rss_json}× | ≤ 2× | $(verdict "$r_rss_json" "<=" 2) |
| stripped release binary | ${size_mb} MB ($size bytes) | | | ≤ 6 MB | $(verdict "$size" "<=" 6000000) |
| requests: \`tokens ls\` | $req_ls | | | 1 | $(verdict "$req_ls" "<=" 1) |
| requests: \`tokens view <name> -o json\` | $req_view | | | 1 | $(verdict "$req_view" "<=" 1) |
| requests: \`tokens rm <full token>\` | $req_rm | | | ≤ 2 | $(verdict "$req_rm" "<=" 2) |
| requests: \`tokens create\` (text output) | $req_create | | | 2 | $(verdict "$req_create" "<=" 2) |
EOF
)

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)
report=$(
    cat <<EOF
Run on $(date -u '+%Y-%m-%d %H:%M UTC'): ${cpu:-unknown CPU}, $(nproc) cores, ${os:-$(uname -s)}, Linux $(uname -r),
load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $RUSTC_VERSION, $(hyperfine --version),
$(curl --version | head -1 | cut -d' ' -f1-2), $(gh --version | head -1 | cut -d' ' -f1-3).
Times are hyperfine medians${shell_none:+ (\`-N\`, no shell)}; ratios are coder / baseline from the same run.

$table

Requests the sandbox saw (\`--log\`):

\`\`\`
$REQUEST_LOG\`\`\`
EOF
)

printf '%s\n' "$report"

if [ -z "${BENCH_NO_WRITE:-}" ]; then
    doc=$ROOT/BENCHMARKS.md
    begin='<!-- bench:begin (written by bench/run.sh) -->'
    end='<!-- bench:end -->'
    printf '%s\n' "$report" >"$WORK/report.md"
    if [ -f "$doc" ] && grep -qxF "$begin" "$doc" && grep -qxF "$end" "$doc"; then
        # Replace what is between the markers; the notes around them stay.
        awk -v begin="$begin" -v end="$end" -v file="$WORK/report.md" '
            $0 == begin { print; while ((getline line < file) > 0) print line; skip = 1; next }
            $0 == end { skip = 0 }
            !skip' "$doc" >"$WORK/doc.md"
    else
        { printf '# Benchmarks\n\n%s\n' "$begin"; cat "$WORK/report.md"; printf '%s\n' "$end"; } >"$WORK/doc.md"
    fi
    cp "$WORK/doc.md" "$doc"
    say "updated $doc"
fi
