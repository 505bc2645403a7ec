#!/usr/bin/env bash
# The project's set-up after `npm ci` (README, "Set up and test"): what the tests need besides npm.
# Idempotent; everything lands in .tools/ (git-ignored) except Debian's packages.
#   - PowerShell 7.6.9, a .NET global tool, into .tools/pwsh/ (never system-wide)
#   - the Pester module from NuGet into .tools/nuget/
#   - Debian's chromium (report test) and openssh-server (the SSH transport test), when missing
set -euo pipefail
cd "$(dirname "$0")/.."
PWSH_VERSION=7.6.9

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
[ -x /usr/sbin/sshd ] || apt_missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || apt_missing+=(openssh-client)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${apt_missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: not root; run: sudo apt-get install ${apt_missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

if ! [ -x .tools/pwsh/pwsh ] || [ "$(.tools/pwsh/pwsh -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()')" != "$PWSH_VERSION" ]; then
  echo "setup: installing PowerShell $PWSH_VERSION into .tools/pwsh"
  rm -rf .tools/pwsh
  dotnet tool install PowerShell --version "$PWSH_VERSION" --tool-path .tools/pwsh >/dev/null
fi

if ! ls .tools/nuget/pester/*/tools/Pester.psd1 >/dev/null 2>&1; then
  echo "setup: downloading Pester into .tools/nuget"
  dotnet restore tools/pester/pester.csproj --packages .tools/nuget >/dev/null
fi

echo "setup: pwsh $(.tools/pwsh/pwsh -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()'), Pester $(basename "$(dirname "$(dirname "$(ls .tools/nuget/pester/*/tools/Pester.psd1 | head -1)")")")"
