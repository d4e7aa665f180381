#!/usr/bin/env bash
# The performance benchmark of the `coder` CLI: one command from a clean clone,
#
#     bench/run.sh
#
# It installs what is missing (hyperfine, gh, curl, GNU time, valgrind; Debian/Ubuntu
# apt), builds the release binaries, starts in-memory sandboxes on free loopback ports,
# and measures, side by side in one run:
#   - `coder login token` vs `cat <config>/session` (the floor) vs `gh auth token` (a Go
#     CLI reading a token stored in a temporary GH_CONFIG_DIR: no network);
#   - `coder tokens ls` vs curl of the same endpoint with the same header: 3 tokens over
#     HTTP (table and `-o json`) and HTTPS (self-signed certificate), 10,000 and 100,000
#     tokens (table and `-o json`), and, for information, 10,000 tokens gzip-compressed
#     (vs `curl --compressed`, also over HTTPS) with the bytes on the wire;
#   - how `tokens ls` grows from 10,000 to 100,000 tokens, in time and in peak RSS
#     against the size of the body;
#   - the stripped binary size, and the HTTP requests each command makes (from the
#     sandbox's access log);
#   - instructions executed (valgrind's callgrind), which do not drift with load.
# Timings are taken BENCH_RUNS times (default 3); the table gives each ratio's range over
# the runs (each ratio from one run) and judges the worst.
# The table goes to stdout and into BENCHMARKS.md (between the bench markers).
# Nothing touches the user's configuration: HOME, XDG_CONFIG_HOME and GH_CONFIG_DIR
# point into a temporary directory that is removed on exit, with the sandboxes.
#
# Environment: BENCH_NO_WRITE=1 skips updating BENCHMARKS.md; BENCH_RUNS=N times N runs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS=0

say() { printf '>>> [%d s] %s\n' "$SECONDS" "$*" >&2; }
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
command -v valgrind >/dev/null || missing+=(valgrind)
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
# Each package on its own: built together, cargo would give `coder`'s dependencies the
# features the sandbox asks for too (a hyper server, more of tokio), and the binary timed
# would not be the one `cargo install` builds.
cargo build --release --locked -p coder >&2
cargo build --release --locked -p coder-sandbox >&2
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
start huge --seed 100000
start tls --tls --cert-out "$WORK/cert.pem"
start gz --seed 10000 --gzip
start tlsgz --seed 10000 --gzip --tls --cert-out "$WORK/cert-gz.pem"
start counted --log
CERT=$WORK/cert.pem
login small
login big
login huge
login gz
login counted
SSL_CERT_FILE=$CERT login tls
SSL_CERT_FILE=$WORK/cert-gz.pem login tlsgz

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

# Sanity: coder and curl fetch the same tokens.
# same_tokens NAME AT_LEAST: coder's table has a row for each token curl sees; prints
# the number of rows.
same_tokens() {
    local rows ids
    rows=$(eval "$(coder_cmd "$1" 'tokens ls')" | wc -l)
    ((rows > $2)) || die "coder tokens ls on sandbox $1 printed only $rows lines"
    ids=$(eval "$(curl_cmd "$1" -f)" | grep -o '"token_name"' | wc -l)
    ((ids == rows - 1)) || die "curl saw $ids tokens on sandbox $1, coder $((rows - 1))"
    echo "$rows"
}
rows=$(same_tokens big 10000)
same_tokens huge 100000 >/dev/null
eval "$(curl_cmd tls "-f --cacert '$CERT'")" >/dev/null || die "curl over HTTPS failed"
rows_gz=$(eval "$(coder_cmd gz 'tokens ls')" | wc -l)
((rows_gz == rows)) || die "coder tokens ls over gzip printed $rows_gz lines, not $rows"
# bytes NAME [CURL ARGS]: the body's size on the wire (without --compressed: as sent).
bytes() { eval "$(curl_cmd "$1" "-f -o /dev/null -w '%{size_download}' ${2:-}")"; }
bytes_big=$(bytes big)
bytes_huge=$(bytes huge)
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

# timings N: every group once, as run N.
timings() {
    local n=$1
    bench "login$n" 50 200 \
        cat "cat $WORK/small.cfg/session" \
        coder "$(coder_cmd small 'login token')" \
        gh "gh auth token"
    bench "small$n" 20 100 \
        "coder table" "$(coder_cmd small 'tokens ls')" \
        "coder json" "$(coder_cmd small 'tokens ls -o json')" \
        curl "$(curl_cmd small)"
    SSL_CERT_FILE=$CERT bench "tls$n" 20 100 \
        "coder table" "$(coder_cmd tls 'tokens ls')" \
        curl "$(curl_cmd tls "--cacert '$CERT'")"
    # 10,000 and 100,000 tokens in one group, so that the growth is judged within one
    # run, in an order that puts what is compared side by side: hyperfine times one
    # command after the other, and the load of a shared machine shifts in between.
    bench "big$n" 2 20 \
        "coder table" "$(coder_cmd big 'tokens ls')" \
        curl "$(curl_cmd big)" \
        "coder json" "$(coder_cmd big 'tokens ls -o json')" \
        "coder json 100k" "$(coder_cmd huge 'tokens ls -o json')" \
        "curl 100k" "$(curl_cmd huge)" \
        "coder table 100k" "$(coder_cmd huge 'tokens ls')"
    bench "gz$n" 2 10 \
        "coder table" "$(coder_cmd gz 'tokens ls')" \
        "coder json" "$(coder_cmd gz 'tokens ls -o json')" \
        curl "$(curl_cmd gz --compressed)"
    SSL_CERT_FILE=$WORK/cert-gz.pem bench "tlsgz$n" 2 10 \
        "coder table" "$(coder_cmd tlsgz 'tokens ls')" \
        curl "$(curl_cmd tlsgz "--compressed --cacert '$WORK/cert-gz.pem'")"
}
RUNS=${BENCH_RUNS:-3}
for n in $(seq "$RUNS"); do
    say "run $n of $RUNS"
    timings "$n"
done

# instructions COMMAND [ENV=VALUE]: what COMMAND executes (callgrind), in millions.
instructions() {
    eval "env ${2:-} valgrind --tool=callgrind --callgrind-out-file=/dev/null $1" 2>&1 >/dev/null |
        awk '/Collected :/ { printf "%.2f", $NF / 1e6 }'
}
say "counting instructions"
i_cat=$(instructions "cat $WORK/small.cfg/session")
i_login=$(instructions "$(coder_cmd small 'login token')")
i_small=$(instructions "$(coder_cmd small 'tokens ls')")
i_small_json=$(instructions "$(coder_cmd small 'tokens ls -o json')")
i_small_curl=$(instructions "$(curl_cmd small)")
i_tls=$(instructions "$(coder_cmd tls 'tokens ls')" "SSL_CERT_FILE=$CERT")
i_tls_curl=$(instructions "$(curl_cmd tls "--cacert '$CERT'")")
i_big=$(instructions "$(coder_cmd big 'tokens ls')")
i_big_json=$(instructions "$(coder_cmd big 'tokens ls -o json')")
i_big_curl=$(instructions "$(curl_cmd big)")
i_huge=$(instructions "$(coder_cmd huge 'tokens ls')")
i_huge_json=$(instructions "$(coder_cmd huge 'tokens ls -o json')")
i_huge_curl=$(instructions "$(curl_cmd huge)")
i_gz=$(instructions "$(coder_cmd gz 'tokens ls')")
i_gz_curl=$(instructions "$(curl_cmd gz --compressed)")

# --- Memory, size, requests ---------------------------------------------------------------
# peak_rss COMMAND: the median of five readings of COMMAND's peak RSS (GNU time), in bytes.
peak_rss() {
    for _ in 1 2 3 4 5; do
        eval "/usr/bin/time -f %M $1" 2>&1 >/dev/null | tail -1
    done | sort -n | awk 'NR == 3 { print $1 * 1024 }'
}
say "measuring peak RSS"
rss_big=$(peak_rss "$(coder_cmd big 'tokens ls')")
rss_big_json=$(peak_rss "$(coder_cmd big 'tokens ls -o json')")
rss_huge=$(peak_rss "$(coder_cmd huge 'tokens ls')")
rss_huge_json=$(peak_rss "$(coder_cmd huge 'tokens ls -o json')")

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

# each GROUP NAME: NAME's median in every run, space-separated.
each() { for n in $(seq "$RUNS"); do printf '%s ' "$(median "$1$n" "$2")"; done; }
# ratios GROUP A B: A / B in every run (each ratio from one run).
ratios() {
    for n in $(seq "$RUNS"); do printf '%s ' "$(ratio "$(median "$1$n" "$2")" "$(median "$1$n" "$3")")"; done
}
# span VALUES FORMAT: "min–max" of VALUES, each printed with FORMAT (one value if equal).
span() {
    awk -v f="$2" '{ lo = hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i }
        a = sprintf(f, lo); b = sprintf(f, hi); printf "%s", (a == b ? a : a "–" b) }' <<<"$1"
}
# worst VALUES OP: the value judged: the largest for <=, the smallest for >=.
worst() {
    awk -v op="$2" '{ w = $1; for (i = 2; i <= NF; i++) if ((op == "<=") ? $i > w : $i < w) w = $i; print w }' <<<"$1"
}
times_of() { span "$1" "%.2f ms"; }
# row LABEL CODER_TIMES BASELINE RATIOS UNIT INSTR_CODER INSTR_BASE OP LIMIT TARGET:
# a timed row; no LIMIT, no verdict.
row() {
    local judged result="—"
    judged=$(worst "$4" "$8")
    [ -n "$9" ] && result=$(verdict "$judged" "$8" "$9")
    printf '| %s | %s | %s | %s%s | %s | %s | %s |\n' "$1" "$(times_of "$2")" "$3" "$(span "$4" '%.2f')" "$5" \
        "${6:-}${7:+ / $7}" "${10}" "$result"
}
# timed LABEL GROUP CODER BASE INSTR_CODER INSTR_BASE LIMIT: coder CODER vs BASE of GROUP,
# judged against ≤ LIMIT× unless LIMIT is empty.
timed() {
    row "$1" "$(each "$2" "$3")" "$(times_of "$(each "$2" "$4")")" "$(ratios "$2" "$3" "$4")" × \
        "$5" "$6" "<=" "$7" "${7:+≤ $7×}"
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1e3 }'; }
# memory LABEL RSS BODY LIMIT: peak RSS against the body's size, judged unless no LIMIT.
memory() {
    local r result="—"
    r=$(ratio "$2" "$3")
    [ -n "$4" ] && result=$(verdict "$r" "<=" "$4")
    printf '| %s | %s | %s (%s bytes) | %s× | | %s | %s |\n' "$1" "$(mb "$2")" "$(mb "$3")" "$3" "$r" \
        "${4:+≤ $4× the body}" "$result"
}
r_bytes=$(ratio "$bytes_gz" "$bytes_big")
size_mb=$(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1e6 }')

# The labels are Markdown: backquotes in single quotes are code spans, not commands.
# shellcheck disable=SC2016
report_rows=(
    "$(row '`login token` vs `cat <config>/session`' "$(each login coder)" "cat $(times_of "$(each login cat)")" "$(ratios login coder cat)" × "$i_login" "$i_cat" "<=" 3 "≤ 3× cat")"
    "$(row '`gh auth token` vs `coder login token`' "$(each login coder)" "gh $(times_of "$(each login gh)")" "$(ratios login gh coder)" "× faster" "" "" ">=" 20 "≥ 20× faster")"
    "$(timed '`tokens ls`, 3 tokens, table vs curl' small "coder table" curl "$i_small" "$i_small_curl" 1.3)"
    "$(timed '`tokens ls`, 3 tokens, `-o json` vs curl' small "coder json" curl "$i_small_json" "$i_small_curl" 1.3)"
    "$(timed '`tokens ls` over HTTPS, 3 tokens, table vs curl' tls "coder table" curl "$i_tls" "$i_tls_curl" 1.3)"
    "$(timed '`tokens ls`, 10,000 tokens, table vs curl' big "coder table" curl "$i_big" "$i_big_curl" 2)"
    "$(timed '`tokens ls`, 10,000 tokens, `-o json` vs curl' big "coder json" curl "$i_big_json" "$i_big_curl" 2)"
    "$(timed '`tokens ls`, 100,000 tokens, table vs curl' big "coder table 100k" "curl 100k" "$i_huge" "$i_huge_curl" "")"
    "$(timed '`tokens ls`, 100,000 tokens, `-o json` vs curl' big "coder json 100k" "curl 100k" "$i_huge_json" "$i_huge_curl" "")"
    "$(timed '`tokens ls`, table: 100,000 tokens vs 10,000' big "coder table 100k" "coder table" "$i_huge" "$i_big" 12)"
    "$(timed '`tokens ls -o json`: 100,000 tokens vs 10,000' big "coder json 100k" "coder json" "$i_huge_json" "$i_big_json" 12)"
    "$(timed 'curl: 100,000 tokens vs 10,000' big "curl 100k" curl "$i_huge_curl" "$i_big_curl" "")"
    "$(timed '`tokens ls`, 10,000 tokens gzipped, table vs `curl --compressed`' gz "coder table" curl "$i_gz" "$i_gz_curl" "")"
    "$(timed '`tokens ls`, 10,000 tokens gzipped, `-o json` vs `curl --compressed`' gz "coder json" curl "" "" "")"
    "$(timed '`tokens ls`, 10,000 tokens gzipped, over HTTPS, vs `curl --compressed`' tlsgz "coder table" curl "" "" "")"
)
# shellcheck disable=SC2016 # Markdown code spans, as above.
table=$(
    printf '| Measurement | coder | baseline | ratio (range over %s runs) | instructions coder / baseline (M) | target | result |\n' "$RUNS"
    printf '|---|---:|---:|---:|---:|---|---|\n'
    printf '%s\n' "${report_rows[@]}"
    memory 'peak RSS, `tokens ls` at 10,000 vs the body' "$rss_big" "$bytes_big" ""
    memory 'peak RSS, `tokens ls -o json` at 10,000 vs the body' "$rss_big_json" "$bytes_big" ""
    memory 'peak RSS, `tokens ls` at 100,000 vs the body' "$rss_huge" "$bytes_huge" 3
    memory 'peak RSS, `tokens ls -o json` at 100,000 vs the body' "$rss_huge_json" "$bytes_huge" 3
    cat <<EOF
| bytes on the wire, \`tokens ls\` at 10,000, gzip vs plain | $(kb "$bytes_gz") ($bytes_gz bytes) | $(kb "$bytes_big") | ${r_bytes}× | | — | — |
| stripped release binary | ${size_mb} MB ($size bytes) | | | | ≤ 6 MB | $(verdict "$size" "<=" 6000000) |
| requests: \`tokens ls\` | $req_ls | | | | 1 | $(verdict "$req_ls" "<=" 1) |
| requests: \`tokens view <name> -o json\` | $req_view | | | | 1 | $(verdict "$req_view" "<=" 1) |
| requests: \`tokens rm <full token>\` | $req_rm | | | | ≤ 2 | $(verdict "$req_rm" "<=" 2) |
| requests: \`tokens create\` (text output) | $req_create | | | | 2 | $(verdict "$req_create" "<=" 2) |
EOF
)

elapsed=$(printf '%d min %02d s' $((SECONDS / 60)) $((SECONDS % 60)))
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
os=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null)
report=$(
    cat <<EOF
Run on $(date -u '+%Y-%m-%d %H:%M UTC') at $(git rev-parse --short HEAD 2>/dev/null || echo 'an unknown commit')$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)'): ${cpu:-unknown CPU}, $(nproc) cores, ${os:-$(uname -s)}, Linux $(uname -r),
load average at the end $(cut -d' ' -f1-3 /proc/loadavg); $RUSTC_VERSION, $(hyperfine --version),
$(curl --version | head -1 | cut -d' ' -f1-2), $(gh --version | head -1 | cut -d' ' -f1-3); the script took $elapsed.
Times are hyperfine medians${shell_none:+ (\`-N\`, no shell)}, their range over $RUNS runs; each ratio is
coder / baseline within one run, the range is over the runs, and the result judges the worst.
Instructions are callgrind's counts, one run each (they do not drift with load). Peak RSS
is GNU time's, the median of five runs; the body is the uncompressed answer's size
(curl's \`%{size_download}\`).

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
