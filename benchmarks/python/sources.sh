#!/bin/sh
# Makes the source trees of PyTensor and of its four pure-Python dependencies from local git
# mirrors, at the releases compare.sh was written against, and prints the variables that
# install.sh reads. Read-only on the mirrors (git archive).
#
# Usage: eval "$(benchmarks/python/sources.sh DEST [MIRRORS])"
#   MIRRORS holds OWNER+NAME/repo git directories (default /work/.mirror):
#   pymc-devs+pytensor, pythological+etuples, pythological+unification, pythological+kanren,
#   pythological+python-cons. DEST/NAME is replaced by a fresh tree of the pinned tag.
set -eu
[ $# -ge 1 ] || { sed -n '2,10s/^# \{0,1\}//p' "$0" >&2; exit 2; }
dest=$1 mirrors=${2:-/work/.mirror}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
# VARIABLE mirror tag distribution-name (the name setuptools-scm is told through PKG-INFO)
while read -r var mirror tag dist; do
  git_dir=$mirrors/$mirror/repo
  [ -d "$git_dir" ] || git_dir=$mirrors/$mirror
  git --git-dir="$git_dir" rev-parse -q --verify "$tag^{commit}" >/dev/null ||
    { echo "sources.sh: $mirror has no tag $tag (looked in $git_dir)" >&2; exit 1; }
  tree=$dest/${mirror#*+}
  rm -rf "$tree"
  mkdir -p "$tree"
  git --git-dir="$git_dir" archive "$tag" | tar -x -C "$tree"
  # An archive has no .git: setuptools-scm then takes the version from PKG-INFO, as from an sdist
  # (PyTensor and logical-unification use versioneer, whose archived _version.py has the tag).
  if [ "$dist" != - ] && [ ! -f "$tree/PKG-INFO" ]; then
    printf 'Metadata-Version: 2.1\nName: %s\nVersion: %s\n' "$dist" "${tag#v}" >"$tree/PKG-INFO"
  fi
  echo "export $var=$tree"
done <<'PINS'
PYTENSOR_SRC pymc-devs+pytensor rel-2.38.3 -
ETUPLES_SRC pythological+etuples v0.3.10 etuples
UNIFICATION_SRC pythological+unification v0.4.6 -
KANREN_SRC pythological+kanren v1.0.5 miniKanren
CONS_SRC pythological+python-cons v0.4.7 cons
PINS
