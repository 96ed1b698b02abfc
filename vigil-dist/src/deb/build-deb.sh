#!/usr/bin/env bash
# Builds the .deb of the full bundle with jpackage; run by vigil-dist's pom on Linux.
# The package installs /opt/vigil with jpackage's native launcher (bin/vigil), which starts the bundled runtime with
# the same JVM options as the bundles' sh launcher and an AOT cache trained here, through that same launcher, in
# jpackage's layout. postinst links /usr/bin/vigil and installs the agent's systemd unit (not enabled).
# Arguments: JDK home, full bundle folder, project version, work folder, folder of this script, repository root.
set -euo pipefail

jdk=$1 full=$2 version=$3 work=$4 here=$5 repo=$6
deb_version=${version/-/\~}   # 0.1.0-SNAPSHOT sorts before 0.1.0 as 0.1.0~SNAPSHOT
app=$work/image/vigil
cfg=$app/lib/app/vigil.cfg

rm -rf "$work"
mkdir -p "$work/input"
cp "$full/app/vigil-cli.jar" "$work/input/"
cp -r "$full/app/lib" "$work/input/lib"

java_options=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss512k -XX:MaxRAM=1g -Xmx256m
              --enable-native-access=ALL-UNNAMED -Dfile.encoding=UTF-8 '-XX:AOTCache=$APPDIR/vigil.aot'
              -Xlog:aot=off -Xlog:cds=off)
jpackage_args=()
for o in "${java_options[@]}"; do jpackage_args+=(--java-options "$o"); done

"$jdk/bin/jpackage" --type app-image --name vigil --app-version "$deb_version" --dest "$work/image" \
  --input "$work/input" --main-jar vigil-cli.jar --main-class dev.vigil.cli.Main \
  --runtime-image "$full/runtime" "${jpackage_args[@]}"

# Train the AOT cache through the native launcher itself: the same options, with AOTCacheOutput for AOTCache
# (the JVM takes only one of the two, and this launcher reads no option variable it could be added through).
cp "$cfg" "$work/vigil.cfg"
sed -i 's/-XX:AOTCache=/-XX:AOTCacheOutput=/' "$cfg"
VIGIL_CACHE_DIR="$work/training-cache" "$app/bin/vigil" audit --format json --output "$work/training-report.json" \
  --fail-on never >"$work/aot-training.log" 2>&1 || { cat "$work/aot-training.log" >&2; exit 1; }
cp "$work/vigil.cfg" "$cfg"
if ! JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$app/bin/vigil" --version >"$work/aot-check.log" 2>&1; then
  cat "$work/aot-check.log" >&2
  echo "build-deb: the native launcher cannot use the AOT cache it was trained with" >&2
  exit 1
fi

unit=$repo/packaging/linux/vigil-agent.service
if [[ -f $unit ]]; then
  cp "$unit" "$app/lib/"
else
  echo "build-deb: no $unit yet; the package has no systemd unit" >&2
fi
cp "$repo/README.md" "$app/"

# gzip: dpkg-deb's default xz took 3 minutes on 2 busy cores for 10 MB less; every dpkg reads gzip
DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} "$jdk/bin/jpackage" --type deb --app-image "$app" --name vigil --app-version "$deb_version" --dest "$(dirname "$work")" \
  --install-dir /opt --resource-dir "$here" --linux-package-name vigil --linux-app-category admin \
  --linux-deb-maintainer "Vigil maintainers <vigil@localhost>" --vendor Vigil \
  --description "Vigil: endpoint security posture for one machine (vigil audit) or a whole fleet (vigil serve)"
