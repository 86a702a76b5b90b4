#!/usr/bin/env bash
# Builds and publishes a release. Credentials come from the CI environment only.
set -euo pipefail

readonly VERSION="${1:?usage: release.sh VERSION}"
readonly COMMIT="$(git rev-parse HEAD)"   # e.g. 3f786850e387550fdab836ed7e6dc881de23001b
TOKEN=$(cat /run/secrets/release_token)
export GITHUB_TOKEN="${GITHUB_TOKEN:-$TOKEN}"
password_file=/run/secrets/keystore_password

if [[ -z "${NPM_TOKEN:-}" ]]; then
  echo "NPM_TOKEN is not set" >&2
  exit 2
fi

read -r -s -p "Keystore password: " KEYSTORE_PASSWORD
echo
mvn -B -ntp deploy -Dgpg.passphrase="$KEYSTORE_PASSWORD" -Drevision="$VERSION"
curl -fsS -H "Authorization: token $GITHUB_TOKEN" \
  "https://api.github.com/repos/example/shop/releases/tags/v${VERSION}" > release.json
sha256sum target/shop-"$VERSION".jar | tee target/shop-"$VERSION".jar.sha256
echo "released $VERSION at $COMMIT"
