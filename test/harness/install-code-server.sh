#!/usr/bin/env bash
# Installs code-server (a real VS Code, offline from the npm registry) under .vscode-test/,
# outside the project's own dependencies: its postinstall builds native modules for this Node.
# Reuses an existing install. Needs (as root) the apt packages listed in .ci/run.
set -euo pipefail
version="${CODE_SERVER_VERSION:-4.100.3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="$root/.vscode-test/code-server-$version"
bin="$prefix/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ -f "$prefix/.installed" ]; then
  echo "$bin"
  exit 0
fi
rg_path="$(command -v rg || true)"
if [ -z "$rg_path" ]; then
  echo "ripgrep (rg) is missing: apt-get install -y ripgrep libkrb5-dev pkg-config" >&2
  exit 1
fi
# @vscode/ripgrep downloads a binary from GitHub during postinstall; pre-fill its cache with the system rg.
tmp="${TMPDIR:-/tmp}"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$tarball" ]; then
  stage="$(mktemp -d)"
  cp "$rg_path" "$stage/rg"
  tar -czf "$tarball" -C "$stage" rg
  rm -rf "$stage"
fi
mkdir -p "$prefix"
echo "Installing code-server $version into $prefix (one time, a few minutes)..." >&2
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "code-server@$version" >&2
touch "$prefix/.installed"
echo "$bin"
