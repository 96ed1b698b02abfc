# Finds a JDK 25 or newer for ./vigil, ./mvnw and .ci/run: JAVA_HOME first, then the usual install folders, then the
# java on the PATH. POSIX sh, to be sourced. Release files are read first (instant); starting a JVM to ask its
# version is the slow fallback.

jdk_feature_version() {
  [ -x "$1/bin/java" ] || return 1
  if [ "${2:-release}" = release ]; then
    [ -f "$1/release" ] || return 1
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

find_jdk25() {
  path_jdk=
  if command -v java >/dev/null 2>&1; then
    path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)")")
  fi
  for how in release probe; do
    for c in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/java/* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
             /Library/Java/JavaVirtualMachines/*/Contents/Home "$path_jdk"; do
      [ -n "$c" ] && [ -d "$c" ] || continue
      v=$(jdk_feature_version "$c" "$how" 2>/dev/null) || continue
      if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then
        echo "$c"
        return 0
      fi
    done
  done
  return 1
}
