#!/usr/bin/env bash
# Interop peers the integration tests run against (installed by name from the npm registry; tests skip a peer that
# is absent). Source this from .ci/run's install section, or run it once on a developer machine.
set -euo pipefail

# sbom: the independent CycloneDX toolchain (generator + the cyclonedx-library JSON schema validator, ajv based).
# --ignore-scripts: the optional native XML validator (libxmljs2) is not needed for JSON.
NPM_TOOLS="${SECURE_DEPLOY_NPM_TOOLS:-$HOME/.cache/secure-deploy/cyclonedx-npm}"
if command -v npm >/dev/null 2>&1; then
  mkdir -p "$NPM_TOOLS"
  npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$NPM_TOOLS" \
    @cyclonedx/cyclonedx-npm@6.0.1 @cyclonedx/cyclonedx-library@10.3.0
fi
