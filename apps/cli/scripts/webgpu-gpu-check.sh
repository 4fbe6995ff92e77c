#!/usr/bin/env bash
# The WebGPU figures on a GPU machine: what the machine offers, `dcgan bench` on webgpu beside wasm,
# and 200 iterations of `dcgan train --backend webgpu` at batch 128. Run from the repository root
# after `pnpm install && pnpm build`:   apps/cli/scripts/webgpu-gpu-check.sh [OUT_DIR]
set -uo pipefail
out="${1:-${OUT:-/tmp/webgpu-gpu-check}}"
mkdir -p "$out"
cli=apps/cli/dist/cli.js
{
  echo "== machine"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1 || echo "no nvidia-smi"
  ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>&1
  command -v vulkaninfo >/dev/null && vulkaninfo --summary 2>&1 | head -40
  echo "VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-}"
  echo "== bench (batch 128)"
  timeout 300 node "$cli" bench --backends webgpu,wasm --batch-size 128 --iterations 5 --json
  echo "== train --backend webgpu, 200 iterations at batch 128"
  start=$(date +%s)
  timeout 900 node "$cli" train --backend webgpu --iterations 200 --batch-size 128 \
    --sample-interval 100 --out "$out/webgpu-200"
  echo "train exit $?, $(( $(date +%s) - start )) s"
  tail -n 2 "$out/webgpu-200/metrics.jsonl"
} 2>&1 | tee "$out/webgpu-gpu-check.log"
