#!/usr/bin/env bash
# Stand-in for the Noise step (not in this branch): writes the DP/PAC noise files NoisyInference reads, with the
# original's names, into artifacts/<profile>/noise/<fidelity>/, from the Evaluate step's latents, using `privatar noise`.
# The real Noise step (LatentAssembly, statistics units) replaces these files when it is merged.
set -euo pipefail
profile=${1:-smoke}; cd "$(dirname "$0")/.."
cli=src/Privatar.Cli/bin/Release/net10.0/privatar
a=artifacts/$profile
for f in corrected original; do
  d=$a/noise/$f; mkdir -p $d/generated_dp_noise $d/noise_covariance $d/svd
  for mi in 4 3 1 0.1 0.01; do
    $cli noise dp --latents $a/test/baseline/z.npy --mi $mi --fidelity $f --out $d/generated_dp_noise/dp_noise_completed_offloaded_multiface_decoder_$mi.npy >/dev/null
    for m in direct_split:16 partition_n2:2 partition_n8:8 partition_n14:14; do
      id=${m%%:*}; n=${m##*:}
      $cli noise dp --latents $a/test/$id/z_offload.npy --mi $mi --fidelity $f --out $d/generated_dp_noise/dp_noise_partition_offloaded_decoder_${n}_$mi.npy >/dev/null
      $cli noise pac --latents $a/test/$id/z_offload.npy --mi $mi --fidelity $f --out $d/noise_covariance/pac_noise_partition_offloaded_decoder_${n}_$mi.npy \
        --basis-out $d/svd/u_partition_offloaded_decoder_$n.npy >/dev/null
    done
  done
done
find $a/noise -name '*.npy' | wc -l
