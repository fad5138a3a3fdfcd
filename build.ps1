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

dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
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

dotnet cake build/build.cake @args
exit $LASTEXITCODE
