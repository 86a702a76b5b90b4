#!/usr/bin/env bash
# benchmarks/cli-vs-native.sh - the CLI end to end against the native tools a user would run instead (issue 21).
#
# Builds the inputs once (in $WORK, default /tmp/secure-deploy-bench): a ~300 MB source tree with planted secrets
# (real sources from a JDK's src.zip when one is found, else generated), a 1 GiB random file, a 500 MB CI log
# holding 200 secrets in their encoded forms. Then, for $ROUNDS rounds (default 5), runs each CLI command and its
# native peer in turn (interleaved, so load changes hit both), as whole processes, and prints the median wall
# times and their ratios (ours / peer: below 1.0 we are faster). Checks the answers too: the digests equal
# sha256sum's/sha512sum's, and the masked log holds none of the forms.
#
#   benchmarks/cli-vs-native.sh                  # everything
#   ONLY=secrets ROUNDS=3 benchmarks/cli-vs-native.sh
#   BASE_CLI=/tmp/base/bin/secure-deploy ONLY=digest benchmarks/cli-vs-native.sh   # also another build, in turn
#                                                     (digest and secrets; outputs compared with this build's)
#
# Needs: java 17, python3, ripgrep (installed with apt when missing and we are root), openssl, sha256sum, grep.
# Start-up is compared with the CLI as it was before issue 21 ($BASELINE_REF, built once from git into $WORK).
# Never run by `mvn verify`: it takes minutes and needs an otherwise idle machine to mean much.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/secure-deploy-bench}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-$(nproc)}
ONLY=${ONLY:-secrets,digest,mask,startup}
BASELINE_REF=${BASELINE_REF:-192309a}
TREE_MB=${TREE_MB:-300}
LOG_MB=${LOG_MB:-500}
mkdir -p "$WORK"
cli="$repo/bin/secure-deploy"
times="$WORK/times.tsv"
: >"$times"

if ! command -v rg >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq ripgrep >/dev/null; else echo "install ripgrep first" >&2; exit 2; fi
fi
if [ ! -f "$repo/cli/target/secure-deploy.jar" ] || [ ! -f "$repo/cli/target/secure-deploy.jsa" ]; then
  (cd "$repo" && mvn -B -q -o package -pl engine,cli -am -DskipTests -Djacoco.skip=true)
fi
jar="$repo/cli/target/secure-deploy.jar"

# --- inputs ------------------------------------------------------------------------------------------------------
tree="$WORK/tree"
if [[ ",$ONLY," == *,secrets,* ]] && [ ! -f "$tree/.done" ]; then
  rm -rf "$tree"
  src_zip=${SRC_ZIP:-$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | while read -r z; do [ -r "$z" ] && echo "$z"; done | head -1)}
  python3 - "$tree" "$TREE_MB" "$src_zip" <<'EOF'
import os, random, sys, zipfile
root, mb, src = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(21)
A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
def r(n, alphabet=A): return "".join(rnd.choice(alphabet) for _ in range(n))
# planted secrets, one per rule, assembled at run time (this file must not hold realistic secrets)
plants = [
    lambda: "aws_access_key_id = " + "AK" + "IA" + r(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
    lambda: "GITHUB_TOKEN=" + "gh" + "p_" + r(36),
    lambda: "export GL_TOKEN=" + "gl" + "pat-" + r(20),
    lambda: "//registry.npmjs.org/:_authToken=" + "np" + "m_" + r(36),
    lambda: "const key = '" + "AI" + "za" + r(35) + "';",
    lambda: "db_password = \"" + r(12) + "#!" + r(8) + "\"",
    lambda: "Stripe.apiKey = \"" + "sk_" + "live_" + r(24) + "\";",
    lambda: "-----BEGIN " + "RSA PRIVATE KEY-----\n" + "\n".join(r(64) for _ in range(5)) + "\n-----END RSA PRIVATE KEY-----",
]
total, n, planted = 0, 0, 0
def write(path, data):
    global total, n, planted
    n += 1
    if n % 250 == 0:
        data += ("\n" + rnd.choice(plants)() + "\n").encode()
        planted += 1
    p = os.path.join(root, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    total += len(data)
copy = 0
if src:
    z = zipfile.ZipFile(src)
    names = [i for i in z.infolist() if not i.is_dir()]
    while total < mb << 20:
        for i in names:
            if total >= mb << 20: break
            write("copy%d/%s" % (copy, i.filename), z.read(i))
        copy += 1
else:
    words = ["token", "parser", "password", "value", "compute", "secret", "result", "index", "buffer", "apiKey"]
    while total < mb << 20:
        lines = ["    %s %s%d = %s(%s); // %s" % (rnd.choice(["int", "String", "var"]), rnd.choice(words), rnd.randint(0, 99),
                 rnd.choice(words), rnd.choice(words), " ".join(rnd.choice(words) for _ in range(5))) for _ in range(rnd.randint(20, 150))]
        write("gen/m%d/p%d/F%d.java" % (n // 2000, n // 100, n), ("\n".join(lines) + "\n").encode())
print("tree: %d files, %d MB, %d planted secrets, source: %s" % (n, total >> 20, planted, src or "generated"))
EOF
  touch "$tree/.done"
fi
big="$WORK/1GiB.bin"
[ -f "$big" ] || head -c 1073741824 /dev/urandom >"$big"
log="$WORK/ci.log"
if [[ ",$ONLY," == *,mask,* ]] && [ ! -f "$WORK/forms.txt" ]; then
  python3 - "$WORK" "$LOG_MB" <<'EOF'
import base64, os, random, sys
work, mb = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
secrets = ["".join(rnd.choice(A) for _ in range(32)) for _ in range(200)]
with open(os.path.join(work, "secrets.env"), "w") as f:
    for i, s in enumerate(secrets):
        f.write("export BENCH_SECRET_%d='%s'\n" % (i, s))
steps = ["[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/example/lib/%d.%d/lib-%d.%d.jar",
         "[INFO] --- maven-surefire-plugin:3.5.2:test (default-test) @ module-%d ---",
         "[INFO] Tests run: %d, Failures: 0, Errors: 0, Skipped: %d, Time elapsed: 0.%d s",
         "+ curl -sS -H 'Accept: application/json' https://api.example.com/v%d/builds/%d"]
with open(os.path.join(work, "ci.log"), "w") as f:
    total, line = 0, 0
    while total < mb << 20:
        line += 1
        t = rnd.choice(steps)
        s = "2026-12-01T12:%02d:%02d.%03dZ " % (line // 60000 % 60, line // 1000 % 60, line % 1000) + t % tuple(
            rnd.randint(0, 99) for _ in range(t.count("%d")))
        if line % 9973 == 0:
            sec = secrets[line % 200]
            form = [sec, base64.b64encode(sec.encode()).decode(), "token=%22" + sec + "%22"][line % 3]
            s += " Authorization: Bearer " + form
        f.write(s + "\n")
        total += len(s) + 1
EOF
  # the forms ripgrep searches for: exactly the masker's (EncodedForms), printed by a one-file Java program
  cat >"$WORK/Forms.java" <<'EOF'
import io.jenkins.plugins.securedeploy.engine.core.SecretValue;
import io.jenkins.plugins.securedeploy.engine.mask.EncodedForms;
public class Forms {
    public static void main(String[] args) {
        for (int i = 0; i < 200; i++) {
            for (EncodedForms.Form f : EncodedForms.of(SecretValue.of(System.getenv("BENCH_SECRET_" + i)))) {
                System.out.println(f.text());
            }
        }
    }
}
EOF
  # shellcheck disable=SC1091
  (. "$WORK/secrets.env" && java -cp "$jar" "$WORK/Forms.java") | sort -u >"$WORK/forms.txt"
fi
mask_args=()
if [[ ",$ONLY," == *,mask,* ]]; then
  # shellcheck disable=SC1091
  . "$WORK/secrets.env"
  for i in $(seq 0 199); do mask_args+=(--secret-env "BENCH_SECRET_$i"); done
fi

# the 13 rules of SecretRules as ripgrep (Rust) regexes; look-aheads, which Rust's engine lacks, dropped
cat >"$WORK/rules.rg" <<'EOF'
-----BEGIN[ A-Z0-9]{0,40} PRIVATE KEY(?: BLOCK)?-----
\b(?:AKIA|ASIA)[A-Z2-7]{16}\b
(?i)secret[_.-]?access[_.-]?key["'\]]{0,2}[ \t]*(?:=>|:=|:|=)[ \t]*["']?[A-Za-z0-9/+]{40}
\bAIza[0-9A-Za-z_\-]{35}
\bgh[pousr]_[A-Za-z0-9]{36,251}\b
\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b
\bglpat-[A-Za-z0-9_\-]{20}
\bxox[bpa]-[0-9]{1,14}(?:-[0-9]{8,14}){1,2}-[A-Za-z0-9]{20,48}\b
https://hooks\.slack\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32}
\b[sr]k_live_[A-Za-z0-9]{20,99}\b
\bnpm_[A-Za-z0-9]{36}\b
\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}
(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)(?:[_.-]?(?:key|value|token|secret|b64|base64))?s?\d{0,3}["'\]]{0,2}[ \t]*(?:=>|:=|:|=)[ \t]*(?:"(?:[^"\\\r\n]|\\.){16,256}"|'[^'\r\n]{16,256}'|`[^`\r\n]{16,256}`|[^\s"'`,;#()\[\]{}<>]{16,256})
EOF

# --- the CLI as it was before issue 21, for start-up ------------------------------------------------------------
baseline="$WORK/baseline-$BASELINE_REF.jar"
if [[ ",$ONLY," == *,startup,* ]] && [ ! -f "$baseline" ]; then
  rm -rf "$WORK/baseline-src" && mkdir -p "$WORK/baseline-src"
  git -C "$repo" archive "$BASELINE_REF" | tar -x -C "$WORK/baseline-src"
  (cd "$WORK/baseline-src" && mvn -B -q -o package -pl engine,cli -am -DskipTests -Djacoco.skip=true)
  cp "$WORK/baseline-src/cli/target/secure-deploy.jar" "$baseline"
fi
printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[]}]}' >"$WORK/small.sarif"

# --- measuring ---------------------------------------------------------------------------------------------------
# run NAME CMD...: one timed run (wall seconds, and CPU seconds = user + system of the process and its children, from
# GNU time) appended to $times; output to files, never /dev/null (ripgrep stops at the first match when it sees
# /dev/null). Under load the CPU seconds are the steadier measure; the targets are about wall time on an idle machine.
run() {
  local name=$1; shift
  local t0 t1 cpu=0
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$WORK/cpu.$name" "$@" >"$WORK/out.$name" 2>"$WORK/err.$name" || true
    cpu=$(awk 'END {print $1 + $2}' "$WORK/cpu.$name")
  else
    "$@" >"$WORK/out.$name" 2>"$WORK/err.$name" || true
  fi
  t1=$(date +%s.%N)
  echo -e "$name\t$(echo "$t1 - $t0" | bc)\t$cpu" >>"$times"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB;" \
  "$(java -version 2>&1 | head -1); $(rg --version 2>/dev/null | head -1); $(openssl version)"
echo "rounds: $ROUNDS, threads: $THREADS, load before: $(load)"
cat "$big" >/dev/null # page cache
if [[ ",$ONLY," == *,mask,* ]]; then cat "$log" >/dev/null; fi
for round in $(seq 1 "$ROUNDS"); do
  if [[ ",$ONLY," == *,secrets,* ]]; then
    run rg-secrets rg -uu -j"$THREADS" --count-matches -f "$WORK/rules.rg" "$tree"
    run secrets "$cli" secrets --all-folders --threads "$THREADS" "$tree"
    if [ -n "${BASE_CLI:-}" ]; then
      run secrets-base "$BASE_CLI" secrets --all-folders --threads "$THREADS" "$tree" # another build, in turn
    fi
  fi
  if [[ ",$ONLY," == *,digest,* ]]; then
    run digest "$cli" digest "$big"
    run openssl-both sh -c 'openssl dgst -sha256 "$1" && openssl dgst -sha512 "$1"' sh "$big"
    if [ -n "${BASE_CLI:-}" ]; then
      run digest-base "$BASE_CLI" digest "$big" # another build (e.g. main's), in the same turn
    fi
    run digest-sha256 "$cli" digest --algorithm sha256 "$big"
    run sha256sum sha256sum "$big"
  fi
  if [[ ",$ONLY," == *,mask,* ]]; then
    run rg-forms rg -F -f "$WORK/forms.txt" "$log"
    run mask sh -c '"$0" mask "$@" <"$1" >"$2"' "$cli" "$log" "$WORK/masked.log" "${mask_args[@]}"
    run grep-forms grep -F -f "$WORK/forms.txt" "$log"
  fi
  if [[ ",$ONLY," == *,startup,* ]]; then
    for _ in 1 2 3; do
      run version-before java -XX:+UseSerialGC -jar "$baseline" --version
      run version "$cli" --version
      run ingest-before java -XX:+UseSerialGC -jar "$baseline" ingest "$WORK/small.sarif"
      run ingest "$cli" ingest "$WORK/small.sarif"
    done
  fi
  echo "round $round done, load $(load)"
done

# --- answers -----------------------------------------------------------------------------------------------------
if [[ ",$ONLY," == *,digest,* ]]; then
  ours=$(grep -o 'sha256:[0-9a-f]*' "$WORK/out.digest" | cut -d: -f2)
  [ "$ours" = "$(cut -d' ' -f1 "$WORK/out.sha256sum")" ] && echo "digest: sha256 equals sha256sum's" || echo "digest: SHA-256 DIFFERS"
  ours=$(grep -o 'sha512:[0-9a-f]*' "$WORK/out.digest" | cut -d: -f2)
  [ "$ours" = "$(sha512sum "$big" | cut -d' ' -f1)" ] && echo "digest: sha512 equals sha512sum's" || echo "digest: SHA-512 DIFFERS"
  if [ -n "${BASE_CLI:-}" ]; then
    cmp -s "$WORK/out.digest" "$WORK/out.digest-base" && echo "digest: output identical to BASE_CLI's" || echo "digest: output DIFFERS from BASE_CLI's"
  fi
fi
if [[ ",$ONLY," == *,mask,* ]]; then
  echo "mask: $(rg -c -F -f "$WORK/forms.txt" "$log") log lines held a secret form; after masking:" \
    "$(rg -c -F -f "$WORK/forms.txt" "$WORK/masked.log" || echo 0)"
fi
if [[ ",$ONLY," == *,secrets,* ]]; then
  echo "secrets: we report $(grep -c fingerprint "$WORK/out.secrets") findings; ripgrep counts" \
    "$(awk -F: '{s+=$NF} END {print s}' "$WORK/out.rg-secrets") regex matches"
  if [ -n "${BASE_CLI:-}" ]; then
    cmp -s "$WORK/out.secrets" "$WORK/out.secrets-base" && echo "secrets: output identical to BASE_CLI's" || echo "secrets: output DIFFERS from BASE_CLI's"
  fi
fi
echo "load after: $(load)"
python3 - "$times" <<'EOF'
import statistics, sys
t, c = {}, {}
for line in open(sys.argv[1]):
    k, v, cpu = line.split("\t"); t.setdefault(k, []).append(float(v)); c.setdefault(k, []).append(float(cpu))
med = {k: statistics.median(v) for k, v in t.items()}
cmed = {k: statistics.median(v) for k, v in c.items()}
pairs = [("secrets", "rg-secrets", "secrets DIR vs rg -jN, 13 regexes"),
         ("secrets-base", "rg-secrets", "BASE_CLI secrets DIR vs rg -jN"),
         ("secrets", "secrets-base", "secrets: this build vs BASE_CLI"),
         ("digest", "openssl-both", "digest (SHA-256+512) vs openssl dgst twice"),
         ("digest-base", "openssl-both", "BASE_CLI digest vs openssl dgst twice"),
         ("digest", "digest-base", "digest: this build vs BASE_CLI"),
         ("digest-sha256", "sha256sum", "digest --algorithm sha256 vs sha256sum"),
         ("mask", "rg-forms", "mask, 200 secrets vs rg -F -f forms"),
         ("mask", "grep-forms", "mask, 200 secrets vs grep -F -f forms"),
         ("version", "version-before", "--version: now vs before issue 21"),
         ("ingest", "ingest-before", "ingest small SARIF: now vs before")]
print("\n| comparison | ours (median s) | peer (median s) | ratio | CPU s ours / peer | CPU ratio |\n|---|---|---|---|---|---|")
for ours, peer, what in pairs:
    if ours in med and peer in med:
        cpu = "%.2f / %.2f | %.2f×" % (cmed[ours], cmed[peer], cmed[ours] / cmed[peer]) if cmed[peer] > 0 else "- | -"
        print("| %s | %.2f | %.2f | **%.2f×** | %s |" % (what, med[ours], med[peer], med[ours] / med[peer], cpu))
# per-round ratios (taken in turn, so a load change hits both sides of a round): the spread behind each median
for ours, peer, what in pairs:
    if ours in t and peer in t and len(t[ours]) == len(t[peer]) > 1:
        print("per round, %s: wall %s; CPU %s" % (what,
              " ".join("%.2f" % (a / b) for a, b in zip(t[ours], t[peer])),
              " ".join("%.2f" % (a / b) if b > 0 else "-" for a, b in zip(c[ours], c[peer]))))
EOF
