#!/usr/bin/env bash
# Remake app/assets/vendor/plotly-gealc-<version>.min.js: plotly.js with only the trace types the
# app draws. The full bundle (4.8 MB) takes a modest laptop over a second to evaluate before the
# first chart can be drawn; this one (1.5 MB) about a third of that. Run by hand (needs node + npm
# and the npm registry) after upgrading the plotly Python package, or when app/figures.py starts
# using a trace type not listed below; the browser tests fail on a chart whose trace type is missing.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
version="$("$python" -c 'from plotly.offline import get_plotlyjs_version; print(get_plotlyjs_version())')"
traces=(bar heatmap scatterpolar choropleth scattergeo)  # scatter is in plotly.js's core
out="$here/app/assets/vendor/plotly-gealc-$version.min.js"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "plotly.js@$version" esbuild@0.28 >/dev/null
{
  echo "var Plotly = require('plotly.js/lib/core');"
  echo "Plotly.register(["
  for trace in "${traces[@]}"; do echo "  require('plotly.js/lib/$trace'),"; done
  echo "]);"
  echo "module.exports = Plotly;"
} > entry.js
npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
  --define:global=window --define:define.amd=false --define:process.env.NODE_DEBUG=false \
  --loader:.css=empty --legal-comments=eof \
  "--banner:js=/* plotly.js v$version (MIT licence: PLOTLY-LICENSE.txt), partial bundle for gealc: core (scatter), ${traces[*]}. Made by tools/plotly_bundle.sh. */" \
  --outfile="$out"
find "$here/app/assets/vendor" -name 'plotly-gealc-*.min.js' ! -name "$(basename "$out")" -delete
echo "wrote $out ($(du -h "$out" | cut -f1))"
