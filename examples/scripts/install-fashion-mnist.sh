#!/bin/sh
# Installs Fashion-MNIST from Debian's package dataset-fashion-mnist (idx files, MNIST's format,
# in /usr/share/datasets/fashion-mnist) and lists its files. The examples read it from there
# (or from THEANO4J_FASHION_MNIST); without it they use the subset bundled in the examples jar.
set -eu
pkg=dataset-fashion-mnist
if ! dpkg -s "$pkg" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then run=; else run=sudo; fi
  $run apt-get install -y -q "$pkg" || { $run apt-get update -q && $run apt-get install -y -q "$pkg"; }
fi
dpkg -L "$pkg" | grep 'idx.-ubyte.gz$'
