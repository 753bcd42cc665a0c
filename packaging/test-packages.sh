#!/bin/sh
# SPDX-FileCopyrightText: 2026 Hubdesk contributors
# SPDX-License-Identifier: Apache-2.0
#
# Builds the hubd and hubdesk Debian packages and tests them on a clean Debian 12 root made
# with debootstrap. It installs them and starts hubd as its service account with the unit's
# ExecStart, then checks GET /api/v1/health and takes a backup with the installed hubd. An
# upgrade to a higher release must keep the configuration and the store; remove and purge
# come last. Run it as root from the checkout.
#
# It needs the Debian mirror (HUBDESK_DEBIAN_MIRROR, default http://deb.debian.org/debian) and
# exits with code 77 when the mirror cannot be reached. The debootstrap tarball, the installed
# base system and the downloaded packages are kept in HUBDESK_PACKAGE_CACHE (default
# /var/cache/hubdesk-packaging), so a second run downloads nothing it already has.
set -eu

cd "$(dirname "$0")/.."
checkout=$(pwd)
mirror=${HUBDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${HUBDESK_PACKAGE_CACHE:-/var/cache/hubdesk-packaging}
work=${HUBDESK_PACKAGE_WORK:-/tmp/hubdesk-package-test}
port=${HUBDESK_PACKAGE_PORT:-18470}
suite=bookworm
root="$work/root"
started=$(date +%s)

say() { echo "test-packages: [$(( $(date +%s) - started ))s] $*"; }
fail() { echo "test-packages: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (debootstrap and chroot need it)"
for tool in debootstrap cpack curl dpkg-deb desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing; run packaging/install-deps.sh"
done
if ! curl -fsS --max-time 20 -o /dev/null "$mirror/dists/$suite/Release"; then
    echo "test-packages: the Debian mirror $mirror cannot be reached; skipping" >&2
    exit 77
fi

hubd_pid=""
cleanup() {
    if [ -n "$hubd_pid" ]; then
        kill "$hubd_pid" 2>/dev/null || true
    fi
    for mount in "$root/var/cache/apt/archives" "$root/proc"; do
        if mountpoint -q "$mount" 2>/dev/null; then
            umount "$mount" || umount -l "$mount" || true
        fi
    done
}
trap cleanup EXIT INT TERM

# 1. The packages: release 1, and release 2 of the same build for the upgrade.
say "building hubd and hubdesk"
cmake --preset default >/dev/null
cmake --build --preset default --target hubd hubdesk
rm -rf "$work"
mkdir -p "$work/r1" "$work/r2" "$cache/archives/partial"
(cd build && cpack -G DEB -B "$work/r1" >/dev/null && \
    cpack -G DEB -D CPACK_DEBIAN_PACKAGE_RELEASE=2 -B "$work/r2" >/dev/null)
for deb in "$work"/r1/*.deb; do
    say "$(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
done

# 2. The desktop and AppStream validators on the files as packaged.
dpkg-deb -x "$work"/r1/hubdesk_*.deb "$work/hubdesk-files"
desktop-file-validate "$work/hubdesk-files/usr/share/applications/org.hubdesk.Hubdesk.desktop"
appstreamcli validate --no-net \
    "$work/hubdesk-files/usr/share/metainfo/org.hubdesk.Hubdesk.metainfo.xml" >/dev/null \
    || fail "appstreamcli validate rejects the metainfo file"
dpkg-deb -x "$work"/r1/hubd_*.deb "$work/hubd-files"
dpkg-deb -e "$work"/r1/hubd_*.deb "$work/hubd-control"
grep -qx /etc/hubd/hubd.conf "$work/hubd-control/conffiles" || fail "hubd.conf is not a conffile"
if command -v systemd-analyze >/dev/null 2>&1; then
    # hubd is not installed on this machine, so only that complaint is expected.
    systemd-analyze verify "$work/hubd-files/usr/lib/systemd/system/hubd.service" 2>&1 \
        | grep -v "/usr/bin/hubd" || true
fi
if command -v lintian >/dev/null 2>&1; then
    say "lintian (for information):"
    lintian --no-tag-display-limit "$work"/r1/*.deb || true
fi

# 3. A clean Debian 12 root. The tarball keeps the downloaded base system between runs.
tarball="$cache/debootstrap-$suite-minbase.tar"
if [ ! -f "$tarball" ]; then
    say "downloading the base system into $tarball"
    debootstrap --variant=minbase --make-tarball="$tarball.partial" "$suite" "$work/tarball-root" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    mv "$tarball.partial" "$tarball"
fi
# The first run installs the base system and keeps it as a tar file, which later runs unpack in
# seconds instead of minutes; nothing of the packages under test is in it.
root_tar="$cache/root-$suite-minbase.tar"
mkdir -p "$root"
if [ -f "$root_tar" ]; then
    say "unpacking the clean $suite root from $root_tar"
    tar -C "$root" -xf "$root_tar"
else
    say "installing a clean $suite root"
    debootstrap --variant=minbase --unpack-tarball="$tarball" "$suite" "$root" "$mirror" \
        >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    tar -C "$root" -cf "$root_tar.partial" . && mv "$root_tar.partial" "$root_tar"
fi
mount -t proc proc "$root/proc"
mount --bind "$cache/archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The mirror's Release files may be older or newer than this machine's clock.
printf 'Acquire::Check-Valid-Until "false";\nAcquire::Check-Date "false";\n' \
    >"$root/etc/apt/apt.conf.d/99hubdesk-test"
mkdir -p "$root/tmp/debs"
cp -r "$work/r1" "$work/r2" "$root/tmp/debs/"

# The package files of one release as paths inside the root.
debs() { for deb in "$work/$1"/*.deb; do echo "/tmp/debs/$1/$(basename "$deb")"; done; }
in_root() { chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
etc_conf="$root/etc/hubd/hubd.conf"

# Starts hubd as the service account with the unit's ExecStart, as systemd would, and waits
# for the health route.
start_hubd() {
    exec_start=$(sed -n 's/^ExecStart=//p' "$root/usr/lib/systemd/system/hubd.service")
    [ -n "$exec_start" ] || fail "the unit has no ExecStart"
    chroot --userspec=hubd:hubd "$root" env -i HOME=/var/lib/hubd PATH=/usr/bin:/bin \
        sh -c "cd /var/lib/hubd && umask 077 && exec $exec_start" >"$work/hubd.log" 2>&1 &
    hubd_pid=$!
    for _ in $(seq 1 60); do
        if [ -s "$root/var/lib/hubd/admin-token" ] && curl -fsS --max-time 5 -o "$work/health.json" \
            -H "Authorization: Bearer $(cat "$root/var/lib/hubd/admin-token")" \
            "http://127.0.0.1:$port/api/v1/health" 2>/dev/null; then
            say "hubd answers /api/v1/health: $(cat "$work/health.json")"
            return 0
        fi
        kill -0 "$hubd_pid" 2>/dev/null || { cat "$work/hubd.log"; fail "hubd exited"; }
        sleep 1
    done
    cat "$work/hubd.log"
    fail "hubd did not answer /api/v1/health within 60 s"
}

stop_hubd() {
    kill -TERM "$hubd_pid"
    wait "$hubd_pid" || fail "hubd did not stop cleanly on SIGTERM"
    hubd_pid=""
    grep -q "hubd stopped" "$work/hubd.log" || fail "hubd did not log its stop"
}

# 4. Install release 1.
say "installing release 1"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends $(debs r1) >"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; fail "install"; }
in_root getent passwd hubd | grep -q ":/var/lib/hubd:/usr/sbin/nologin$" || fail "no hubd account"
[ "$(in_root stat -c %U:%a /var/lib/hubd)" = "hubd:750" ] || fail "/var/lib/hubd is not hubd's, mode 750"
in_root env QT_QPA_PLATFORM=offscreen hubdesk --version | grep -q "hubdesk" || fail "hubdesk does not start"
[ -f "$root/usr/share/icons/hicolor/scalable/apps/org.hubdesk.Hubdesk.svg" ] || fail "no icon"

sed -i "s/^listen = .*/listen = 127.0.0.1:$port/" "$etc_conf"
start_hubd
in_root runuser -u hubd -- hubd backup --config /etc/hubd/hubd.conf --out /var/lib/hubd/test-backup.sqlite \
    || fail "hubd backup on the running service"
stop_hubd

# 5. Upgrade to release 2: the changed configuration and the store stay.
say "upgrading to release 2"
in_root apt-get install -y -qq --no-install-recommends $(debs r2) >"$work/upgrade.log" 2>&1 || { tail -30 "$work/upgrade.log"; fail "upgrade"; }
version=$(in_root dpkg-query -W -f='${Version}' hubd)
case "$version" in *-2) ;; *) fail "hubd is at $version after the upgrade" ;; esac
grep -q "^listen = 127.0.0.1:$port$" "$etc_conf" || fail "the upgrade replaced the changed hubd.conf"
[ -f "$root/var/lib/hubd/hub.sqlite" ] || fail "the upgrade lost the store"
start_hubd
stop_hubd

# 6. Remove keeps configuration and data; purge deletes them.
say "removing"
in_root apt-get remove -y -qq hubdesk hubd >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "remove"; }
[ ! -e "$root/usr/bin/hubd" ] || fail "hubd is still installed after remove"
[ -f "$etc_conf" ] || fail "remove deleted the configuration"
[ -f "$root/var/lib/hubd/hub.sqlite" ] || fail "remove deleted the store"
say "purging"
in_root apt-get purge -y -qq hubd >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
[ ! -e "$root/etc/hubd" ] || fail "purge left /etc/hubd"
[ ! -e "$root/var/lib/hubd" ] || fail "purge left /var/lib/hubd"
if in_root dpkg-query -W -f='${Status}' hubd 2>/dev/null | grep -q installed; then
    fail "hubd is still known to dpkg after purge"
fi

cleanup
trap - EXIT INT TERM
rm -rf "$work"
say "PASS: install, start, health, backup, upgrade, remove and purge"
