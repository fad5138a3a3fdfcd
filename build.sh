#!/usr/bin/env bash
# Bootstrap and run the build: restore the pinned Cake tool, build the solution in Release, then
# run build/build.cake with every argument passed through (--target=…, --profile=…, --section_key=value).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET 10 SDK is required and 'dotnet' is not on PATH (https://dot.net)." >&2
  exit 1
fi

# Cake looks for cake.config beside the script (build/), but ours lives at the top level with the
# experiment parameters. Hand its [Settings] and [Paths] sections to Cake as CAKE_* variables,
# with relative paths resolved against the repository root.
while IFS='=' read -r key value; do
  export "$key=$value"
done < <(awk -v root="$root" '
  /^[ \t]*[;#]/ || /^[ \t]*$/ { next }
  /^\[/ { section = $0; gsub(/[\[\] \t]/, "", section); next }
  (section == "Settings" || section == "Paths") && index($0, "=") {
    key = substr($0, 1, index($0, "=") - 1); value = substr($0, index($0, "=") + 1)
    gsub(/^[ \t]+|[ \t]+$/, "", key); gsub(/^[ \t]+|[ \t]+$/, "", value)
    if (section == "Paths" && value !~ /^\//) value = root "/" value
    print "CAKE_" toupper(section) "_" toupper(key) "=" value
  }' cake.config)

# The solution build runs only when something it reads or writes changed since the last successful one: even with
# nothing to do, MSBuild takes seconds to evaluate the solution's projects. The fingerprint lists, with size and
# modification time, every file and folder under src/, tests/ and build/msbuild/ (so an added, removed or edited
# source counts) and the top-level MSBuild files; then the projects' built assemblies (a deleted or rebuilt output
# counts). Inputs are listed before the build, outputs after it, so an edit made during a build is never taken as built.
inputs() {
  { find src tests build/msbuild \( -name bin -o -name obj \) -prune -o -printf '%p %s %T@\n'
    find . -maxdepth 1 -type f \( -name 'Directory.*' -o -name '*.slnx' -o -name .editorconfig -o -name global.json \
      -o -iname nuget.config \) -printf '%p %s %T@\n'
    find .config -type f -printf '%p %s %T@\n'; } 2>/dev/null | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}
outputs() {
  find src tests -mindepth 5 -maxdepth 5 -path '*/bin/Release/net10.0/*' \( -name 'Privatar.*.dll' -o -name privatar.dll \) \
    -printf '%p %s %T@\n' | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}
fingerprint="$root/tools/solution.fingerprint"
before="$(inputs)"
if [ "$(cat "$fingerprint" 2>/dev/null)" != "$before $(outputs)" ]; then
  dotnet tool restore >/dev/null
  dotnet build Privatar.slnx -c Release --nologo -v quiet -tl:off -clp:"NoSummary;ErrorsOnly"

  # Cake keys its compiled-script cache on the script text, not on the assemblies it #r's. When the
  # engine or step declarations change, drop the cache so the script is compiled against them again.
  cache="${CAKE_PATHS_CACHE:-$root/build/tools/cache}"
  stamp="$(cat src/Privatar.Steps/bin/Release/net10.0/*.dll | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$cache/.assemblies.sha256" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$cache" && mkdir -p "$cache" && echo "$stamp" > "$cache/.assemblies.sha256"
  fi
  mkdir -p "$root/tools" && echo "$before $(outputs)" > "$fingerprint.tmp" && mv "$fingerprint.tmp" "$fingerprint"
fi

# Cake's task banners and duration table add ~4 lines per task; the engine prints one summary line per step instead.
# --verbosity=normal (or verbose, for one line per unit) brings them back.
case " $* " in *" --verbosity"*|*" -v "*|*" --v="*) ;; *) set -- --verbosity=minimal --no-report "$@" ;; esac
exec dotnet cake build/build.cake "$@"
