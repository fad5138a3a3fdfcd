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
# modification time, every file under src/, tests/ and build/msbuild/ (so an added, removed or edited source counts,
# whether git or an editor changed it) and the top-level MSBuild files; then the projects' built assemblies (a deleted
# or rebuilt output counts). Folders are not listed: their times change when a build creates bin/ and obj/, and their
# files are listed anyway. Inputs are listed before the build, outputs after it, so an edit made during a build is never
# taken as built. A file modified within 2 s of the listing could change again without its time moving (git's "racily
# clean" case), so such a fingerprint is not kept and the next run builds again.
inputs() {
  { find src tests build/msbuild \( -name bin -o -name obj \) -prune -o ! -type d -printf '%p %s %T@\n'
    find . -maxdepth 1 -type f \( -name 'Directory.*' -o -name '*.slnx' -o -name .editorconfig -o -name global.json \
      -o -iname nuget.config \) -printf '%p %s %T@\n'
    find .config -type f -printf '%p %s %T@\n'; } 2>/dev/null | LC_ALL=C sort
}
outputs() {
  find src tests -mindepth 5 -maxdepth 5 -path '*/bin/Release/net10.0/*' \( -name 'Privatar.*.dll' -o -name privatar.dll \) \
    -printf '%p %s %T@\n' | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}
fingerprint="$root/tools/solution.fingerprint"
listed_at="$(date +%s)"
listing="$(inputs)"
before="$(printf '%s\n' "$listing" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$fingerprint" 2>/dev/null)" != "$before $(outputs)" ]; then
  dotnet tool restore >/dev/null
  # MSBuild copies content transitively on purpose: the CLI tests run privatar.dll from their own output, and only
  # the transitive walk brings its runtimeconfig.json there.
  dotnet build Privatar.slnx -c Release --nologo -v quiet -tl:off -clp:"NoSummary;ErrorsOnly"

  # Cake keys its compiled-script cache on the script text, not on the assemblies it #r's. When the
  # engine or step declarations change, drop the cache so the script is compiled against them again.
  cache="${CAKE_PATHS_CACHE:-$root/build/tools/cache}"
  stamp="$(cat src/Privatar.Steps/bin/Release/net10.0/*.dll | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$cache/.assemblies.sha256" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$cache" && mkdir -p "$cache" && echo "$stamp" > "$cache/.assemblies.sha256"
  fi
  mkdir -p "$root/tools"
  newest="$(printf '%s\n' "$listing" | awk '{ t = $NF + 0; if (t > max) max = t } END { printf "%d", max }')"
  if [ "$newest" -lt "$((listed_at - 2))" ]; then
    echo "$before $(outputs)" > "$fingerprint.tmp" && mv "$fingerprint.tmp" "$fingerprint"
  else
    rm -f "$fingerprint"
  fi
fi

# Cake's task banners and duration table add ~4 lines per task; the engine prints one summary line per step instead.
# --verbosity=normal (or verbose, for one line per unit) brings them back.
case " $* " in *" --verbosity"*|*" -v "*|*" --v="*) ;; *) set -- --verbosity=minimal --no-report "$@" ;; esac

# The Env task runs `privatar env`, which loads libtorch: about a second. When this run's target is Default or Env and
# the output is not a terminal (where the table would take the terminal's width and escape codes), start it now, beside
# Cake's own start-up, writing to a folder the Env task prints from (build/lib/prestarted.cake): the same bytes, a second
# sooner. Any other argument (another target, a dry run, Cake's own options) leaves the task to run it itself.
env_prestart=1
[ -t 1 ] && env_prestart=0
[ -f src/Privatar.Cli/bin/Release/net10.0/privatar.dll ] || env_prestart=0
shopt -s nocasematch
for arg in "$@"; do
  case "$arg" in
    --target=default|--target=env) ;;
    --profile=*|--verbosity=*|--no-report|--force=*|--*_*=*) [[ "$arg" != --target* ]] || env_prestart=0 ;;
    *) env_prestart=0 ;;
  esac
done
shopt -u nocasematch
if [ "$env_prestart" = 1 ] && env_dir="$(mktemp -d "${TMPDIR:-/tmp}/privatar-env.XXXXXX")"; then
  ( dotnet "$root/src/Privatar.Cli/bin/Release/net10.0/privatar.dll" env >"$env_dir/out" 2>"$env_dir/err"
    echo $? >"$env_dir/rc.tmp" && mv "$env_dir/rc.tmp" "$env_dir/rc" ) &
  echo $! >"$env_dir/pid"
  export PRIVATAR_ENV_REPORT="$env_dir"
fi

# `dotnet cake` starts the SDK's CLI only to find the local tool and start it in a second process (about half a second).
# Start the pinned version's Cake.dll directly when it is in the NuGet cache, for the newest runtime it targets that is
# installed; otherwise (not restored yet, another cache location) go through the CLI.
cake_version="$(sed -n '/"cake.tool"/,/}/s/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' .config/dotnet-tools.json | head -n 1)"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
if [ -n "$cake_version" ]; then
  while IFS= read -r tfm_dir; do
    major="$(basename "$tfm_dir" | sed -n 's/^net\([0-9]*\)\..*/\1/p')"
    if [ -n "$major" ] && [ -f "$tfm_dir/any/Cake.dll" ] && ls -d "$dotnet_root/shared/Microsoft.NETCore.App/$major".* >/dev/null 2>&1; then
      exec dotnet exec "$tfm_dir/any/Cake.dll" build/build.cake "$@"
    fi
  done < <(ls -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}/cake.tool/$cake_version/tools/net"* 2>/dev/null | sort -V -r)
fi
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
