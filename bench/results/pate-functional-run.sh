#!/bin/bash
# $1 method, $2 dataset, $3 eps
B=/tmp/pate-bench/cli/privatar
F=/tmp/pate-bench/f
m=$1; d=$2; e=$3
out=$F/sets/$d/${m}_eps$e
if [ $m = g-pate ]; then own="--projection-dims 10 --bins 5 --sigma1-ratio 4 --threshold-share 0.3"; else own="--top-k 200 --threshold-share 0.1"; fi
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(date +%s.%N)
$B synthesis $m --data $F/data/$d --dataset $d --out $out --target-epsilon $e --delta 1e-5 --accountant rdp --seed 1234 --noise reproducible --samples 10000 --train-limit 0 --threads 1 --teachers 250 --steps 500 --batch-size 16 --teacher-batch 16 --lr 0.001 --generator-lr 0.001 $own
echo "generate done $(date -u +%T) wall $(echo "$(date +%s.%N) - $s" | bc) s load $(cut -d' ' -f1-3 /proc/loadavg)"
s=$(date +%s.%N)
$B synthesis evaluate --data $F/data/$d --dataset $d --set $out --evaluator $F/evaluator/$d/evaluator.pt --out $F/slices/${d}_${m}_eps$e.csv --classifier logreg --classifier mlp --classifier cnn --epochs 10 --batch-size 128 --lr 0.0003 --tstr-limit 10000 --train-limit 0 --test-limit 0 --seed 1234 --threads 1 --kid-subsets 20 --kid-subset-size 500 --prdc-k 5 --metric-samples 2000
echo "evaluate done $(date -u +%T) wall $(echo "$(date +%s.%N) - $s" | bc) s load $(cut -d' ' -f1-3 /proc/loadavg)"
