#!/usr/bin/env bash
# TorchSharp vs PyTorch on the same decoder, sizes, threads and machine, in one run (see bench/README.md).
# usage: bench/torch-vs-pytorch/run.sh [--tex 256] [--batch 10] [--threads N] [--matmul 2048] [--malloc keep|default] [--out bench/results/torch-vs-pytorch.json]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tex=256; batch=10; threads=$(nproc); matmul=2048; malloc=keep; out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tex) tex="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --matmul) matmul="$2"; shift 2 ;;
    --malloc) malloc="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "run.sh: unknown argument '$1' (expected --tex, --batch, --threads, --matmul, --malloc, --out)" >&2; exit 2 ;;
  esac
done
[[ $malloc == keep || $malloc == default ]] || { echo "run.sh: --malloc expects keep or default, got '$malloc'" >&2; exit 2; }
out="${out:-$root/bench/results/torch-vs-pytorch.json}"
py=/usr/bin/python3   # Debian's interpreter: python3-torch installs into its dist-packages

# Benchmark-only dependency: Debian's PyTorch, with OpenBLAS (the default reference BLAS makes GEMMs ~10x slower).
need=()
"$py" -c 'import torch' 2>/dev/null || need+=(python3-torch)
update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep -q '^Value: .*openblas' || need+=(libopenblas0-pthread)
if [[ ${#need[@]} -gt 0 ]]; then
  if [[ $(id -u) -ne 0 ]]; then echo "run.sh: needs ${need[*]}; run as root or: sudo apt-get install ${need[*]}" >&2; exit 1; fi
  echo "installing ${need[*]} (benchmark only)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi

dotnet build "$here/TorchSharpBench" -c Release -v quiet -nologo
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
load_before=$(cut -d' ' -f1 /proc/loadavg)
common=(--tex "$tex" --batch "$batch" --threads "$threads" --matmul "$matmul" --malloc "$malloc")
echo "== TorchSharp"; dotnet "$here/TorchSharpBench/bin/Release/net10.0/TorchSharpBench.dll" "${common[@]}" --out "$work/torchsharp.json"
echo "== PyTorch";    "$py" "$here/pytorch_bench.py" "${common[@]}" --out "$work/pytorch.json"
load_after=$(cut -d' ' -f1 /proc/loadavg)
echo "== Result";     "$py" "$here/combine.py" "$work/torchsharp.json" "$work/pytorch.json" "$out" "$load_before" "$load_after"
