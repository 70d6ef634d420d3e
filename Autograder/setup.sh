#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (see README.md).
# It installs Swift if the image has none, creates the user that students' code runs as, builds
# the grader's own copy of the companion tool, and builds the exercises once so that grading a
# submission rebuilds only what the student wrote.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
SWIFT_VERSION="6.3.1"
export PATH="/opt/swift/usr/bin:$PATH"

if ! command -v swift >/dev/null 2>&1; then
  # Swift's own Linux release, as swift.org documents it for Ubuntu (22.04 or 24.04).
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    binutils ca-certificates curl git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 \
    libncurses-dev libpython3-dev libsqlite3-0 libxml2-dev libz3-dev pkg-config tzdata unzip \
    zlib1g-dev "libstdc++-$(gcc -dumpversion 2>/dev/null || echo 12)-dev" || true
  . /etc/os-release
  platform="ubuntu${VERSION_ID//./}"
  name="swift-$SWIFT_VERSION-RELEASE-ubuntu$VERSION_ID"
  curl -fsSL -o /tmp/swift.tar.gz \
    "https://download.swift.org/swift-$SWIFT_VERSION-release/$platform/swift-$SWIFT_VERSION-RELEASE/$name.tar.gz"
  mkdir -p /opt/swift
  tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components=1
  rm /tmp/swift.tar.gz
fi
swift --version

# The user the student's code is built and run as: it owns nothing of the grader's.
if ! id -u companion-student >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin companion-student
fi

# The grader's companion tool and the reference's probes, built from the reference, root's alone.
(cd "$ROOT/source/package" && swift build --product companion && swift build --product probe)
chmod 700 "$ROOT/source"

# A first build of the exercises, where each submission will be graded.
"$ROOT/source/run_autograder" --warm
