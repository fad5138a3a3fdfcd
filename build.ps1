# Bootstrap and run the build on Windows/PowerShell: restore the pinned Cake tool, build the solution
# in Release, then run build/build.cake with every argument passed through.
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
Set-Location $root
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'build.ps1: the .NET 10 SDK is required and dotnet is not on PATH (https://dot.net).'
    exit 1
}

# Cake looks for cake.config beside the script; pass our top-level [Settings] and [Paths] as CAKE_* variables.
$section = ''
foreach ($line in Get-Content (Join-Path $root 'cake.config')) {
    $t = $line.Trim()
    if ($t -eq '' -or $t.StartsWith(';') -or $t.StartsWith('#')) { continue }
    if ($t.StartsWith('[')) { $section = $t.Trim('[', ']', ' '); continue }
    if (($section -eq 'Settings' -or $section -eq 'Paths') -and $t.Contains('=')) {
        $i = $t.IndexOf('=')
        $key = $t.Substring(0, $i).Trim(); $value = $t.Substring($i + 1).Trim()
        if ($section -eq 'Paths' -and -not [System.IO.Path]::IsPathRooted($value)) { $value = Join-Path $root $value }
        Set-Item -Path ("env:CAKE_{0}_{1}" -f $section.ToUpperInvariant(), $key.ToUpperInvariant()) -Value $value
    }
}

# The solution build runs only when something it reads or writes changed since the last successful one (as build.sh:
# every file under src/, tests/ and build/msbuild/ outside bin/ and obj/, the top-level MSBuild files and .config/ with
# size and modification time, then the projects' built assemblies; a file modified within 2 s of the listing keeps the
# fingerprint from being recorded, so the next run builds again).
function Get-Relative([string]$Path) { $Path.Substring($root.TrimEnd('\', '/').Length + 1).Replace('\', '/') }
function Get-Fingerprint([System.IO.FileInfo[]]$Files) {
    $lines = [string[]]@($Files | ForEach-Object { '{0} {1} {2}' -f (Get-Relative $_.FullName), $_.Length, $_.LastWriteTimeUtc.Ticks })
    [Array]::Sort($lines, [StringComparer]::Ordinal)
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    [System.BitConverter]::ToString([System.Security.Cryptography.SHA256]::Create().ComputeHash($bytes)).Replace('-', '')
}
function Get-Inputs {
    @(Get-ChildItem -Path src, tests, build/msbuild -Recurse -File -Force -ErrorAction SilentlyContinue |
        Where-Object { (Get-Relative $_.FullName) -notmatch '(^|/)(bin|obj)/' })
    @(Get-ChildItem -Path $root -File -Force | Where-Object {
        $_.Name -like 'Directory.*' -or $_.Name -like '*.slnx' -or $_.Name -eq '.editorconfig' -or $_.Name -eq 'global.json' -or $_.Name -ieq 'nuget.config' })
    @(Get-ChildItem -Path .config -Recurse -File -Force -ErrorAction SilentlyContinue)
}
function Get-Outputs {
    Get-Fingerprint @(Get-ChildItem -Path src, tests -Recurse -File -Filter *.dll -ErrorAction SilentlyContinue | Where-Object {
        (Get-Relative $_.FullName) -cmatch '^(src|tests)/[^/]+/bin/Release/net10\.0/(Privatar\.[^/]*|privatar)\.dll$' })
}
$fingerprint = Join-Path $root 'tools/solution.fingerprint'
$listedAt = [DateTime]::UtcNow
$inputFiles = [System.IO.FileInfo[]]@(Get-Inputs)
$before = Get-Fingerprint $inputFiles
$recorded = if (Test-Path $fingerprint) { (Get-Content -Raw $fingerprint).Trim() } else { '' }
if ($recorded -ne "$before $(Get-Outputs)") {
    dotnet tool restore | Out-Null
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    # Content is copied transitively: the CLI tests need privatar's runtimeconfig.json (see build.sh).
    dotnet build Privatar.slnx -c Release --nologo -v quiet -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    # Cake keys its compiled-script cache on the script text, not on the assemblies it #r's: drop it when they change.
    $cache = if ($env:CAKE_PATHS_CACHE) { $env:CAKE_PATHS_CACHE } else { Join-Path $root 'build/tools/cache' }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $bytes = Get-ChildItem (Join-Path $root 'src/Privatar.Steps/bin/Release/net10.0/*.dll') | Sort-Object Name | ForEach-Object { [System.IO.File]::ReadAllBytes($_.FullName) }
    $stamp = [System.BitConverter]::ToString($sha.ComputeHash([byte[]]($bytes | ForEach-Object { $_ }))).Replace('-', '')
    $stampFile = Join-Path $cache '.assemblies.sha256'
    if (-not (Test-Path $stampFile) -or (Get-Content $stampFile) -ne $stamp) {
        if (Test-Path $cache) { Remove-Item -Recurse -Force $cache }
        New-Item -ItemType Directory -Force $cache | Out-Null
        Set-Content -Path $stampFile -Value $stamp
    }
    New-Item -ItemType Directory -Force (Join-Path $root 'tools') | Out-Null
    $newest = ($inputFiles | ForEach-Object { $_.LastWriteTimeUtc.Ticks } | Measure-Object -Maximum).Maximum
    if ($null -ne $newest -and $newest -lt $listedAt.AddSeconds(-2).Ticks) {
        Set-Content -Path "$fingerprint.tmp" -Value "$before $(Get-Outputs)"
        Move-Item -Force "$fingerprint.tmp" $fingerprint
    } elseif (Test-Path $fingerprint) {
        Remove-Item -Force $fingerprint
    }
}

dotnet cake build/build.cake @args
exit $LASTEXITCODE
