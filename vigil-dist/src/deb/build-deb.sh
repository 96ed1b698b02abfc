#!/usr/bin/env bash
# Builds the .deb of the full bundle with jpackage; run by vigil-dist's pom on Linux.
# The full bundle already has jpackage's layout (bin/, lib/app/, lib/runtime/), so jpackage makes an app image from
# its jars and runtime, and the bundle's own sh launcher replaces jpackage's native one: it starts faster (measured in
# docs/benchmarks.md), and the AOT cache trained for the bundle stays valid, since the runtime and the jars sit at the
# same places relative to the launcher. postinst links /usr/bin/vigil and installs the agent's systemd unit (not
# enabled); postrm removes both.
# Arguments: JDK home, full bundle folder, project version, work folder, folder of this script, repository root.
set -euo pipefail

jdk=$1 full=$2 version=$3 work=$4 here=$5 repo=$6
deb_version=${version/-/\~}   # 0.1.0-SNAPSHOT sorts before 0.1.0 as 0.1.0~SNAPSHOT
app=$work/image/vigil

rm -rf "$work"
"$jdk/bin/jpackage" --type app-image --name vigil --app-version "$deb_version" --dest "$work/image" \
  --input "$full/lib/app" --main-jar vigil-cli.jar --main-class dev.vigil.cli.Main --runtime-image "$full/lib/runtime"

cp "$full/bin/vigil" "$app/bin/vigil"
rm -f "$app/lib/libapplauncher.so" "$app/lib/app/vigil.cfg" "$app/lib/vigil.png"
if ! VIGIL_JAVA_OPTS=-XX:AOTMode=on "$app/bin/vigil" --version >"$work/aot-check.log" 2>&1; then
  cat "$work/aot-check.log" >&2
  echo "build-deb: the package's launcher cannot use the bundle's AOT cache" >&2
  exit 1
fi

cp "$repo/packaging/linux/vigil-agent.service" "$app/lib/"

# gzip: dpkg-deb's default xz took 3 minutes on 2 busy cores for 10 MB less; every dpkg reads gzip
DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} "$jdk/bin/jpackage" --type deb --app-image "$app" \
  --name vigil --app-version "$deb_version" --dest "$(dirname "$work")" --install-dir /opt --resource-dir "$here" \
  --linux-package-name vigil --linux-app-category admin --linux-deb-maintainer "Vigil maintainers <vigil@localhost>" \
  --vendor Vigil --description "Vigil: endpoint security posture for one machine (vigil audit) or a fleet (vigil serve)"
