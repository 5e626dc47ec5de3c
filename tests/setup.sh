#!/usr/bin/env bash
# tests/setup.sh - installs the Debian packages in tests/packages.txt that
# are missing (apt-get update first, only when something is missing).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
missing=()
while read -r pkg _; do
	case $pkg in ''|'#'*) continue ;; esac
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
		missing+=("$pkg")
	fi
done < "$top/tests/packages.txt"
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/netmin-setup.log 2>&1 ||
		{ tail -20 /tmp/netmin-setup.log; exit 1; }
fi
echo "setup: all test packages present"
