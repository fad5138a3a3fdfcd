#!/usr/bin/env python3
"""PyTorch half of the TorchSharp-vs-PyTorch benchmark.

Builds the same DeepAppearance decoder as src/Privatar.Models (weight-normalised layers with a whole-tensor
Frobenius norm, per-texel deconv biases, LeakyReLU 0.2; texture size `--tex` keeps the stages nearest the latent),
times batch-1 inference under no_grad, one training step (MSE, backward, clip 10, Adam 3e-4) and a large matmul
with the same stopping rule as Privatar.Evaluation's LatencyProbe, and writes the same JSON fields.
"""
import argparse, ctypes, json, math, os, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class LinearWN(nn.Linear):
    def __init__(self, i, o):
        super().__init__(i, o)
        self.g = nn.Parameter(torch.ones(o))

    def forward(self, x):
        # same ops as Privatar.Models: W * g / sqrt(sum(W^2))
        return F.linear(x, self.weight * self.g[:, None] / self.weight.pow(2).sum().sqrt(), self.bias)


class DeconvTexelBias(nn.Module):
    def __init__(self, cin, cout, size):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(cin, cout, 4, 4))
        self.b = nn.Parameter(torch.zeros(cout))
        self.g = nn.Parameter(torch.ones(cout))
        self.texel = nn.Parameter(torch.zeros(1, cout, size, size))

    def forward(self, x):
        w = self.weight * self.g[None, :, None, None] / self.weight.pow(2).sum().sqrt()
        return F.conv_transpose2d(x, w, self.b, 2, 1) + self.texel


def glorot(weight, n_in, n_out, ksize, g, alpha=0.2):
    gain = math.sqrt(2.0 / (1 + alpha * alpha))
    std = gain * math.sqrt(2.0 / ((n_in + n_out) * ksize))
    with torch.no_grad():
        weight.uniform_(-std * math.sqrt(3), std * math.sqrt(3))
        g.fill_(weight.norm().item())


class Decoder(nn.Module):
    TABLE = [(256, 256, 64, False), (64, 64, 32, False), (32, 32, 16, False), (16, 16, 3, True)]

    def __init__(self, tex, latent=256, mesh=3 * 7306):
        super().__init__()
        stages, side = 0, 4
        while side < tex:
            stages, side = stages + 1, side * 4
        if side != tex:
            raise SystemExit(f"--tex {tex}: must be 4*4^s (16, 64, 256, 1024)")
        table = [list(t) for t in self.TABLE[:stages]]
        table[-1][2], table[-1][3] = 3, True
        self.c0 = table[0][0]
        self.view_fc, self.z_fc = LinearWN(3, 8), LinearWN(latent, 256)
        self.mesh_fc, self.texture_fc = LinearWN(256, mesh), LinearWN(264, self.c0 * 16)
        self.deconvs, self.activ = nn.ModuleList(), []
        for i, (cin, ch, cout, no_activ) in enumerate(table):
            fs = 4 << (2 * i)
            self.deconvs.append(DeconvTexelBias(cin, ch, 2 * fs))
            self.deconvs.append(DeconvTexelBias(ch, cout, 4 * fs))
            self.activ += [True, not no_activ]
        for m in [self.view_fc, self.z_fc, self.texture_fc]:
            glorot(m.weight, m.in_features, m.out_features, 1, m.g)
        glorot(self.mesh_fc.weight, 256, mesh, 1, self.mesh_fc.g, alpha=1.0)
        for d in self.deconvs:
            glorot(d.weight, d.weight.shape[0], d.weight.shape[1], 4.0, d.g)
        self.macs = (3 * 8 + latent * 256 + 256 * mesh + 264 * self.c0 * 16
                     + sum(d.weight.shape[0] * d.weight.shape[1] * 4 * d.texel.shape[2] ** 2 for d in self.deconvs))

    def forward(self, z, v):
        lrelu = lambda x: F.leaky_relu(x, 0.2)
        view, zc = lrelu(self.view_fc(v)), lrelu(self.z_fc(z))
        h = lrelu(self.texture_fc(torch.cat([view, zc], 1))).view(z.shape[0], self.c0, 4, 4)
        for d, act in zip(self.deconvs, self.activ):
            h = d(h)
            if act:
                h = lrelu(h)
        return h, self.mesh_fc(zc)


def keep_freed_memory():
    """glibc keeps freed memory in the process (no mmap for large blocks, no trimming), as Privatar.Torch.NativeAllocator."""
    libc = ctypes.CDLL("libc.so.6")
    if libc.mallopt(-4, 0) != 1 or libc.mallopt(-1, 2**31 - 1) != 1:   # M_MMAP_MAX, M_TRIM_THRESHOLD
        raise SystemExit("mallopt rejected the keep-freed-memory settings")


def rel_half_width(s, z=1.96):
    """Order-statistic CI of the median, as Privatar.Evaluation.Latency.LatencyStatistics."""
    s, n = sorted(s), len(s)
    spread = z * math.sqrt(n) / 2
    j = min(max(math.floor(n / 2 - spread), 1), n)
    k = min(max(math.ceil(1 + n / 2 + spread), 1), n)
    half = (s[k - 1] - s[j - 1]) / 2
    med = percentile(s, 0.5)
    return 0.0 if half == 0 else (half / med if med > 0 else math.inf)


def percentile(s, p):
    h = (len(s) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def measure(step, warmup, min_it, max_it, target, max_s, check=10):
    for _ in range(warmup):
        step()
    samples, start = [], time.perf_counter()
    while True:
        goal = min_it if len(samples) < min_it else min(len(samples) + check, max_it)
        while len(samples) < goal:
            t0 = time.perf_counter()
            step()
            samples.append((time.perf_counter() - t0) * 1000)
        if rel_half_width(samples) < target:
            stop = "Converged"; break
        if len(samples) >= max_it:
            stop = "MaxIterations"; break
        if time.perf_counter() - start >= max_s:
            stop = "TimeBudget"; break
    s = sorted(samples)
    return {"median_ms": percentile(s, 0.5), "p5_ms": percentile(s, 0.05), "p95_ms": percentile(s, 0.95),
            "iterations": len(s), "rel_ci_half_width": rel_half_width(s), "stop": stop}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tex", type=int, default=256)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--matmul", type=int, default=2048)
    ap.add_argument("--malloc", choices=["keep", "default"], default="keep")
    ap.add_argument("--out", default="pytorch.json")
    a = ap.parse_args()
    if a.malloc == "keep":
        keep_freed_memory()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1234)
    dec = Decoder(a.tex)

    z1, v1 = torch.randn(1, 256), torch.randn(1, 3)
    dec.eval()
    def infer():
        with torch.no_grad():
            dec(z1, v1)
    inference = measure(infer, 10, 30, 1000, 0.01, 30)

    dec.train()
    z, v = torch.randn(a.batch, 256), torch.randn(a.batch, 3)
    tex_t, mesh_t = torch.randn(a.batch, 3, a.tex, a.tex), torch.randn(a.batch, 3 * 7306)
    params = list(dec.parameters())
    adam = torch.optim.Adam(params, lr=3e-4)
    def train():
        adam.zero_grad()
        t, m = dec(z, v)
        (F.mse_loss(t, tex_t) + F.mse_loss(m, mesh_t)).backward()
        torch.nn.utils.clip_grad_norm_(params, 10)
        adam.step()
    train_step = measure(train, 3, 20, 200, 0.02, 60)

    ma, mb = torch.randn(a.matmul, a.matmul), torch.randn(a.matmul, a.matmul)
    def mm():
        with torch.no_grad():
            ma @ mb
    matmul = measure(mm, 2, 10, 50, 0.02, 30)

    fwd = 2.0 * dec.macs
    train_flops = 3 * fwd * a.batch
    result = {
        "framework": "PyTorch", "version": torch.__version__, "libtorch": torch.__version__,
        "threads": torch.get_num_threads(), "tex": a.tex, "train_batch": a.batch, "malloc": a.malloc,
        "forward_flops_batch1": fwd, "train_step_flops": train_flops,
        "inference": inference, "train_step": train_step, "matmul": matmul, "matmul_n": a.matmul,
        "train_gflops": train_flops / (train_step["median_ms"] * 1e6),
        "matmul_gflops": 2.0 * a.matmul ** 3 / (matmul["median_ms"] * 1e6),
    }
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(tmp, a.out)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
