#!/usr/bin/env bash
# Checks deploy/nginx.conf with `nginx -t` outside compose: a throw-away self-signed certificate replaces the real
# one and loopback addresses replace the compose service names (which only resolve inside compose).
# Needs Debian's nginx (apt-get install nginx) and openssl. Exit code and output are nginx's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/certs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
  -keyout "$work/certs/portal.key" -out "$work/certs/portal.crt" 2>/dev/null
sed -e "s|/etc/nginx/certs|$work/certs|g" \
    -e "s|/etc/nginx/mime.types|$(ls /etc/nginx/mime.types)|" \
    -e 's|server portal-a:8080|server 127.0.0.1:18080|' \
    -e 's|server portal-b:8080|server 127.0.0.1:18081|' \
    -e "s|pid /tmp/nginx.pid|pid $work/nginx.pid|" \
    "$here/nginx.conf" > "$work/nginx.conf"
nginx -t -c "$work/nginx.conf" -e "$work/error.log"
