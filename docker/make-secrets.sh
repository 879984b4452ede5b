#!/usr/bin/env bash
# Writes the deployment's secrets into docker/secrets/ (or $1), once: the database password, the
# content keys that seal chat content at rest, and the RSA key pair that signs sign-in and API
# tokens. Existing files are kept. Back up content_keys apart from the database backups: without
# it the chat content in a backup cannot be read, by design.
set -euo pipefail
dir=${1:-$(dirname "$0")/secrets}
mkdir -p "$dir" && chmod 700 "$dir"
umask 022 # the files are mounted into containers running as other users; the folder guards them
[ -s "$dir/db_password" ] || openssl rand -base64 24 | tr -d '\n/+=' > "$dir/db_password"
[ -s "$dir/content_keys" ] || printf 'k%s:%s' "$(date -u +%Y%m%d)" "$(openssl rand -base64 32)" > "$dir/content_keys"
if [ ! -s "$dir/jwt_private_key" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt_private_key" 2>/dev/null
  openssl pkey -in "$dir/jwt_private_key" -pubout -out "$dir/jwt_public_key"
  chmod 644 "$dir/jwt_private_key"
fi
echo "secrets in $dir: $(ls "$dir" | tr '\n' ' ')"
