#!/usr/bin/env bash
# Makes the self-hosted script fonts in wwwroot/fonts from the Fontsource packages, cut down to the
# characters of the portal's languages: Arabic, Farsi and Dari need the Arabic block alone (not the
# presentation forms or the supplements for Urdu, Sindhi or African languages), Tigrinya the Ethiopic block
# alone. A participant on prepaid data pays for every kilobyte of a first visit: this halves the Arabic
# fonts and takes 40% off the Ethiopic ones. Shaping (joining forms, marks, ligatures) is kept whole.
#
# Needs npm and Debian's python3-fonttools and python3-brotli. Prints the names to put in the matching
# css/fonts-*.css; keep each stylesheet's unicode-range equal to the ranges below, so that a character
# outside them falls back to a system font instead of showing a box.
set -euo pipefail
cd "$(dirname "$0")/wwwroot/fonts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

subset() { # package version face ranges
  (cd "$work" && npm pack --silent "@fontsource/$1@$2" > /dev/null && mkdir -p "$1" && tar xzf "fontsource-$1-$2.tgz" -C "$1")
  for weight in 400 700; do
    local out="$work/$3-$weight-normal.woff2"
    python3 -m fontTools.subset "$work/$1/package/files/$3-$weight-normal.woff2" --unicodes="$4" \
      --layout-features='*' --flavor=woff2 --output-file="$out"
    local name="$3-$weight-normal.$(sha256sum "$out" | cut -c1-10).woff2"
    rm -f "$3-$weight-normal".*.woff2
    cp "$out" "$name"
    echo "$name $(stat -c %s "$name") bytes"
  done
}

subset noto-sans-arabic 5.3.0 noto-sans-arabic-arabic "U+0600-06FF,U+200C-200E,U+2010-2011,U+204F,U+2E41"
subset noto-sans-ethiopic 5.3.0 noto-sans-ethiopic-ethiopic "U+030E,U+1200-137F"
