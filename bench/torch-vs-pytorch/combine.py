#!/usr/bin/env python3
"""Merges the TorchSharp and PyTorch bench outputs into bench/results/torch-vs-pytorch.json (atomic write)."""
import json, os, platform, subprocess, sys


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def blas():
    try:
        out = subprocess.run(["update-alternatives", "--query", "libblas.so.3-x86_64-linux-gnu"],
                             capture_output=True, text=True).stdout
        return next((l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Value:")), "unknown")
    except OSError:
        return "unknown"


def main(ts_path, pt_path, out_path, load_before, load_after):
    ts, pt = (json.load(open(p)) for p in (ts_path, pt_path))
    for key in ("tex", "train_batch", "threads", "matmul_n", "malloc"):
        if ts[key] != pt[key]:
            raise SystemExit(f"bench mismatch: {key} is {ts[key]} in TorchSharp but {pt[key]} in PyTorch")
    ratio = lambda k: ts[k]["median_ms"] / pt[k]["median_ms"]
    result = {
        "what": "DeepAppearance decoder (src/Privatar.Models AppearanceDecoder / PyTorch transcription): "
                "batch-1 no_grad inference and one training step (MSE on texture+mesh, backward, clip 10, Adam 3e-4)",
        "machine": {"cpu": cpu_model(), "logical_cpus": os.cpu_count(), "loadavg_1min_before": load_before,
                    "loadavg_1min_after": load_after, "pytorch_blas": blas()},
        "settings": {k: ts[k] for k in ("tex", "train_batch", "threads", "matmul_n", "malloc")},
        "flops_note": "FLOPs = 2 x true MACs of linear and transposed-conv layers (elementwise ops, weight norm and "
                      "Adam not counted); training step = 3 x forward x batch (forward, input- and weight-gradient GEMMs)",
        "ratio_torchsharp_over_pytorch": {"inference": ratio("inference"), "train_step": ratio("train_step"),
                                          "matmul": ratio("matmul")},
        "train_fraction_of_matmul_gflops": {"torchsharp": ts["train_gflops"] / ts["matmul_gflops"],
                                            "pytorch": pt["train_gflops"] / pt["matmul_gflops"]},
        "torchsharp": ts,
        "pytorch": pt,
    }
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(tmp, out_path)
    print(json.dumps({k: result[k] for k in ("machine", "settings", "ratio_torchsharp_over_pytorch",
                                             "train_fraction_of_matmul_gflops")}, indent=2))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit("usage: combine.py torchsharp.json pytorch.json out.json loadavg_before loadavg_after")
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
