# Shared by ./bulwark and scripts/test: host packages, the JDK, and the build. Source it; every
# function is idempotent and prints progress on stderr only (stdout belongs to the command).

BULWARK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages the engine needs at run time, as "command-or-file package" pairs.
BULWARK_PACKAGES=(
  "/usr/bin/bwrap bubblewrap"
  # The gvisor isolation tier: gVisor's runsc (the engine runs without the tier where it is missing).
  "/usr/bin/runsc runsc"
  "/usr/bin/python3 python3"
  "/usr/bin/node nodejs"
  "/usr/share/nodejs/acorn/dist/acorn.js node-acorn"
  # Builds the sandbox launcher (bulwark-core/src/main/c), statically linked.
  "/usr/bin/cc gcc"
  "/usr/lib/x86_64-linux-gnu/libc.a libc6-dev"
  "/usr/bin/unzip unzip"
  "/usr/lib/x86_64-linux-gnu/libseccomp.so.2 libseccomp2"
  # What agents' Python code reaches for first; sandboxes see the host's /usr, read-only.
  "/usr/lib/python3/dist-packages/numpy python3-numpy"
  "/usr/lib/python3/dist-packages/pandas python3-pandas"
  "/usr/lib/python3/dist-packages/matplotlib python3-matplotlib"
  "/usr/lib/python3/dist-packages/scipy python3-scipy"
  "/usr/lib/python3/dist-packages/requests python3-requests"
  "/usr/lib/python3/dist-packages/bs4 python3-bs4"
  "/usr/lib/python3/dist-packages/openpyxl python3-openpyxl"
  "/usr/lib/python3/dist-packages/sklearn python3-sklearn"
  "/usr/lib/python3/dist-packages/skimage python3-skimage"
  "/usr/lib/python3/dist-packages/statsmodels python3-statsmodels"
  "/usr/lib/python3/dist-packages/sympy python3-sympy"
  "/usr/lib/python3/dist-packages/seaborn python3-seaborn"
)

say() { printf 'bulwark: %s\n' "$*" >&2; }

ensure_packages() {
  local missing=() entry path pkg
  for entry in "${BULWARK_PACKAGES[@]}"; do
    path=${entry% *}; pkg=${entry#* }
    [ -e "$path" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
      || { say "apt-get could not install: ${missing[*]}"; return 1; }
  else
    say "missing packages: ${missing[*]}"
    say "install them with: sudo apt-get install ${missing[*]}"
    return 1
  fi
}

# Prints a JDK home of version 25 or newer: $JAVA_HOME if it qualifies, else one under
# ${BULWARK_JVM_DIR:-/usr/lib/jvm}. Debian 12 packages no JDK 25 (Debian 13's needs glibc 2.38), so
# without one it stops at once, with one line that says what to install.
find_jdk() {
  local candidate version found=""
  for candidate in "${JAVA_HOME:-}" "${BULWARK_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ -f "$candidate/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")
    if [ -n "$version" ] && [ "$version" -ge 25 ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
    found="$found${found:+, }$version at $candidate"
  done
  say "needs a JDK 25 or newer and found ${found:-none} (JAVA_HOME, ${BULWARK_JVM_DIR:-/usr/lib/jvm}): install Temurin 25 (https://adoptium.net/temurin/releases/?version=25&os=linux) into ${BULWARK_JVM_DIR:-/usr/lib/jvm}, or set JAVA_HOME to a JDK 25"
  return 1
}

# Builds the CLI unless the last build is newer than every source file and POM.
build_if_stale() {
  local stamp="$BULWARK_ROOT/bulwark-cli/target/.build-stamp"
  if [ -f "$stamp" ] && [ -z "$(find "$BULWARK_ROOT" -path "$BULWARK_ROOT/.git" -prune -o \
        \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  say "building (sources changed or first run)..."
  (cd "$BULWARK_ROOT" && ./mvnw -q -B -DskipTests package) >&2 || { say "build failed"; return 1; }
  touch "$stamp"
}

# Prints one line that sums up the surefire reports of every module, and the failed tests above
# it; returns non-zero when a test failed, the build failed ($1) or the smoke run failed ($2).
summarise_tests() {
  local build=$1 smoke=$2
  python3 - "$build" "$smoke" "$BULWARK_ROOT" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
build, smoke, root = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
total = failed = skipped = 0
broken = []
for report in sorted(glob.glob(root + "/*/target/surefire-reports/TEST-*.xml")):
    suite = ET.parse(report).getroot()
    for case in suite.iter("testcase"):
        total += 1
        if case.find("skipped") is not None:
            skipped += 1
        elif case.find("failure") is not None or case.find("error") is not None:
            failed += 1
            broken.append(case.get("classname", "?") + "#" + case.get("name", "?"))
for name in broken:
    print("bulwark: FAILED " + name, file=sys.stderr)
ok = failed == 0 and build == 0 and smoke == 0 and total > 0
verdict = "passed" if ok else "FAILED"
notes = []
if build:
    notes.append("the build failed (exit %d)" % build)
if smoke:
    notes.append("the smoke run failed (exit %d)" % smoke)
print("bulwark: tests %s: %d run, %d failed, %d skipped%s" % (
    verdict, total, failed, skipped, "; " + "; ".join(notes) if notes else ""), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}
