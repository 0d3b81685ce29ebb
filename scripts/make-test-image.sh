#!/usr/bin/env bash
# make-test-image.sh OUT_DIR [SIZE]
#
# Builds a small but real disk image like the Zorin OS master the bench
# deploys: GPT with an EFI system partition (FAT) and an ext4 root holding the
# files personalisation must change (machine-id, hostname, hosts, SSH host
# keys, a saved Wi-Fi connection, oem-config units) plus random data so that
# the image is only partly mapped. Nothing is mounted: the root filesystem is
# filled with `mkfs.ext4 -d` from a staged folder, and both filesystems are
# made in side files then copied in with dd conv=sparse,notrunc so holes stay
# holes. Then `bmaptool create` writes its bmap, and zstd, xz and gzip the
# compressed copies.
#
# Output in OUT_DIR: zorin-test.img, zorin-test.img.bmap, zorin-test.img.zst,
# zorin-test.img.xz, zorin-test.img.gz. SIZE defaults to 64M (>= 48M).
# DATA_MB (env, default 6) is how much data goes into the root; FORMATS (env,
# default "zst xz gz") which compressed copies to make.
set -euo pipefail

out=${1:?usage: make-test-image.sh OUT_DIR [SIZE]}
size=${2:-64M}
data_mb=${DATA_MB:-6}
for tool in sgdisk mkfs.vfat mkfs.ext4 bmaptool zstd xz gzip truncate dd; do
  command -v "$tool" >/dev/null || { echo "make-test-image: $tool is missing (Debian: gdisk dosfstools e2fsprogs bmap-tools zstd xz-utils)" >&2; exit 1; }
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
img=$out/zorin-test.img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The disk: GPT, ESP of 8 MiB at 1 MiB, root filling the rest.
rm -f "$img"
truncate -s "$size" "$img"
sgdisk -o \
  -n 1:2048:+8M -t 1:ef00 -c 1:"EFI System Partition" \
  -n 2:0:0 -t 2:8304 -c 2:"zorin-root" \
  "$img" >/dev/null
part_field() { # part_field N first|last -> sector
  sgdisk -i "$1" "$img" | awk -v f="$2" '
    f=="first" && /^First sector:/ {print $3}
    f=="last"  && /^Last sector:/  {print $3}'
}
esp_first=$(part_field 1 first); esp_last=$(part_field 1 last)
root_first=$(part_field 2 first); root_last=$(part_field 2 last)

# 2. EFI system partition: an empty FAT filesystem.
esp_kib=$(( (esp_last - esp_first + 1) / 2 ))
truncate -s "${esp_kib}K" "$work/esp.fat"
mkfs.vfat -n ESP "$work/esp.fat" >/dev/null
dd if="$work/esp.fat" of="$img" bs=512 seek="$esp_first" conv=sparse,notrunc status=none

# 3. Root filesystem staged as a folder, Zorin-like.
s=$work/root
mkdir -p "$s/etc/ssh" "$s/etc/NetworkManager/system-connections" "$s/var/lib/dbus" \
  "$s/usr/lib/systemd/system" "$s/etc/systemd/system" "$s/home" "$s/opt/data" "$s/usr/sbin"
echo "4c1d2b3a5e6f47a8b9c0d1e2f3a4b5c6" > "$s/etc/machine-id"
ln -s /etc/machine-id "$s/var/lib/dbus/machine-id"
echo "zorin-master" > "$s/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tzorin-master\n\n::1\tip6-localhost ip6-loopback\n' > "$s/etc/hosts"
cat > "$s/etc/os-release" <<'EOF'
PRETTY_NAME="Zorin OS 18.1"
NAME="Zorin OS"
VERSION_ID="18.1"
VERSION="18.1"
VERSION_CODENAME=noble
ID=zorin
ID_LIKE="ubuntu debian"
HOME_URL="https://zorin.com/os/"
UBUNTU_CODENAME=noble
EOF
for k in rsa ecdsa ed25519; do
  echo "dummy $k private key of the master image" > "$s/etc/ssh/ssh_host_${k}_key"
  echo "ssh-$k AAAAdummy root@zorin-master" > "$s/etc/ssh/ssh_host_${k}_key.pub"
done
echo "# sshd config kept" > "$s/etc/ssh/sshd_config"
cat > "$s/etc/NetworkManager/system-connections/Atelier-WiFi.nmconnection" <<'EOF'
[connection]
id=Atelier-WiFi
type=wifi
[wifi]
ssid=Atelier-WiFi
[wifi-security]
key-mgmt=wpa-psk
psk=secret-of-the-workshop
EOF
chmod 600 "$s/etc/NetworkManager/system-connections/Atelier-WiFi.nmconnection"
printf '[Unit]\nDescription=End-user configuration after initial OEM installation\nRequires=oem-config.service\n' > "$s/usr/lib/systemd/system/oem-config.target"
printf '[Unit]\nDescription=End-user configuration\n[Service]\nExecStart=/usr/sbin/oem-config-firstboot\n' > "$s/usr/lib/systemd/system/oem-config.service"
printf '#!/bin/sh\nexit 0\n' > "$s/usr/sbin/oem-config-firstboot"
chmod 755 "$s/usr/sbin/oem-config-firstboot"
ln -s /usr/lib/systemd/system/graphical.target "$s/etc/systemd/system/default.target"
# Data with the mix of a real system: already-compressed files (random),
# text-like files (base64), and very repetitive ones (logs, locales).
# (head closes the pipes early on purpose: no pipefail here.)
set +o pipefail
i=0
while [ "$i" -lt "$data_mb" ]; do
  case $((i % 3)) in
    0) head -c 1M /dev/urandom ;;
    1) head -c 786432 /dev/urandom | base64 -w 76 | head -c 1M ;;
    2) yes "$i Nov 22 atelier systemd[1]: Started session $i of user zorin." | head -c 1M ;;
  esac > "$s/opt/data/blob$i.bin"
  i=$((i + 1))
done
set -o pipefail

root_bytes=$(( (root_last - root_first + 1) * 512 ))
truncate -s "$root_bytes" "$work/root.ext4"
mkfs.ext4 -q -F -L zorin-root -d "$s" "$work/root.ext4" "$(( root_bytes / 1024 ))k"
dd if="$work/root.ext4" of="$img" bs=1M oflag=seek_bytes seek=$(( root_first * 512 )) conv=sparse,notrunc status=none

# 4. Its bmap and the compressed copies (bmaptool finds zorin-test.img.bmap
#    for each of them by stripping the compression suffix).
bmaptool create -o "$img.bmap" "$img"
for f in ${FORMATS:-zst xz gz}; do
  case $f in
    zst) zstd -q -f -k -T0 "$img" -o "$img.zst" ;;
    xz) xz -q -f -k -T0 "$img" ;;
    gz) gzip -q -f -k "$img" ;;
  esac
done
ls -ls "$out"
