#!/usr/bin/env python3
"""Linux installers from the one-folder bundle: a .tar.xz and a .deb.

    python3 packaging/linux/package_linux.py depends dist/gradlab
    python3 packaging/linux/package_linux.py tarball dist/gradlab -o dist/
    python3 packaging/linux/package_linux.py deb dist/gradlab -o dist/

The tarball unpacks to gradlab-VERSION-linux-x86_64/ (run ./gradlab; the
install-menu-entry.sh inside adds a menu entry for the current user).

The .deb installs the bundle to /opt/gradlab, a /usr/bin/gradlab symlink, the
menu entry, icons and AppStream metadata. Its Depends are computed, not typed:
every ELF file in the bundle is read (readelf); each library it needs that the
bundle does not ship is looked up in the build machine's dpkg database, and the
versioned symbols it uses (GLIBC_2.34, GLIBCXX_3.4.30 ...) give the minimum
version from dpkg's symbols files, like dpkg-shlibdeps does. Libraries that only
optional Qt plugins need (Wayland, the GTK theme) become Recommends. Debian's
own triggers refresh the menu and icon caches: no maintainer scripts.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from fnmatch import fnmatchcase
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import bundle_rules  # noqa: E402

APP_ID = "org.gradlab.GradLab"
PACKAGE = "gradlab"
PREFIX = "/opt/gradlab"
ARCH = "amd64"
MAINTAINER = "The GradLab team <gradlab@users.noreply.github.com>"

# Bundle files (relative paths) whose needs are optional: the app runs without
# them (Qt falls back to xcb, or to its own theme) -> Recommends, not Depends.
OPTIONAL = [
    "_internal/PySide6/Qt/plugins/platforms/libqwayland*",
    "_internal/PySide6/Qt/plugins/wayland-*/*",
    "_internal/PySide6/Qt/plugins/platformthemes/libqgtk3*",
    "_internal/PySide6/Qt/lib/libQt6WaylandClient*",
    "_internal/PySide6/Qt/lib/libQt6WlShellIntegration*",
    "_internal/libQt6WaylandClient*",
    "_internal/libQt6WlShellIntegration*",
]
# Sonames the build machine may not have installed (optional plugins only).
KNOWN_PACKAGES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libgtk-3.so.0": "libgtk-3-0",
    "libgdk-3.so.0": "libgtk-3-0",
    "libdecor-0.so.0": "libdecor-0-0",
}
# Provided by glibc / the loader itself: covered by the libc6 version.
GLIBC_SONAMES = re.compile(
    r"^(libc|libm|libdl|libpthread|librt|libresolv|libutil|libanl|ld-linux-x86-64)\.so"
)

DESCRIPTION = """\
Watch your first PyTorch training loop run, one call at a time
 GradLab runs the classic first PyTorch program (fit y = 2x + 1 with
 nn.Linear, MSELoss and SGD) and lets students step through it one call at a
 time: forward, loss, zero_grad, backward and step. Every number on screen is
 read from live PyTorch tensors. Lessons in English and Chinese.
 .
 This package bundles its own Python, PyTorch (CPU) and Qt in /opt/gradlab."""


# --------------------------------------------------------------- ELF reading
def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-dW", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def version_refs(path: Path) -> dict[str, set[str]]:
    """{soname: {version tag}} from the .gnu.version_r section."""
    out = subprocess.run(["readelf", "-VW", str(path)], capture_output=True, text=True).stdout
    refs: dict[str, set[str]] = {}
    current = None
    for line in out.splitlines():
        m = re.search(r"File: (\S+)\s+Cnt:", line)
        if m:
            current = m.group(1)
            continue
        m = re.search(r"Name: (\S+)\s+Flags:", line)
        if m and current:
            refs.setdefault(current, set()).add(m.group(1))
    return refs


@functools.cache
def _ldconfig() -> str:
    return subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout


@functools.cache
def system_path(soname: str) -> str | None:
    for line in _ldconfig().splitlines():
        m = re.match(rf"\s+{re.escape(soname)} \(([^)]*)\) => (\S+)", line)
        if m and "x86-64" in m.group(1):
            return m.group(2)
    return None


@functools.cache
def dpkg_owner(path: str) -> str | None:
    for candidate in (path, os.path.realpath(path)):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":")[0].strip()
        # /lib is a symlink to /usr/lib on merged-/usr systems
        alt = (
            candidate.replace("/usr/lib/", "/lib/", 1)
            if candidate.startswith("/usr/lib/")
            else (
                candidate.replace("/lib/", "/usr/lib/", 1)
                if candidate.startswith("/lib/")
                else None
            )
        )
        if alt:
            done = subprocess.run(["dpkg", "-S", alt], capture_output=True, text=True)
            if done.returncode == 0:
                return done.stdout.split(":")[0].strip()
    return None


def symbols_min_version(package: str, tags: set[str]) -> str | None:
    """Highest minimum version over the version tags, from dpkg's symbols file."""
    files = list(Path("/var/lib/dpkg/info").glob(f"{package}:*.symbols")) + list(
        Path("/var/lib/dpkg/info").glob(f"{package}.symbols")
    )
    if not files:
        return None
    text = files[0].read_text(errors="replace")
    best = None
    for tag in tags:
        m = re.search(rf"^\s+{re.escape(tag)}@{re.escape(tag)} (\S+)", text, re.M)
        if m and (best is None or _vercmp(m.group(1), best) > 0):
            best = m.group(1)
    return best


def _vercmp(a: str, b: str) -> int:
    if subprocess.run(["dpkg", "--compare-versions", a, "gt", b]).returncode == 0:
        return 1
    if subprocess.run(["dpkg", "--compare-versions", a, "lt", b]).returncode == 0:
        return -1
    return 0


def compute_depends(bundle: Path) -> dict:
    shipped = {p.name for p in bundle.rglob("*") if ".so" in p.name}
    required: dict[str, set[str]] = {}  # package -> version tags
    optional: dict[str, set[str]] = {}
    unresolved: dict[str, list[str]] = {}
    glibc_tags: set[str] = set()
    for elf in elf_files(bundle):
        rel = str(elf.relative_to(bundle))
        is_optional = any(fnmatchcase(rel, pat) for pat in OPTIONAL)
        refs = version_refs(elf)
        for soname in needed(elf):
            if soname in shipped:
                continue
            if GLIBC_SONAMES.match(soname):
                glibc_tags |= {t for t in refs.get(soname, ()) if t.startswith("GLIBC_")}
                continue
            path = system_path(soname)
            package = dpkg_owner(path) if path else None
            package = package or KNOWN_PACKAGES.get(soname)
            if package is None:
                unresolved.setdefault(soname, []).append(rel)
                continue
            target = optional if is_optional else required
            target.setdefault(package, set()).update(refs.get(soname, ()))
    required.setdefault("libc6", set()).update(glibc_tags)
    for package in list(optional):
        if package in required:
            required[package] |= optional.pop(package)
    return {"depends": required, "recommends": optional, "unresolved": unresolved}


def format_relations(packages: dict[str, set[str]]) -> str:
    items = []
    for package in sorted(packages):
        minimum = symbols_min_version(package, packages[package]) if packages[package] else None
        items.append(f"{package} (>= {minimum})" if minimum else package)
    return ", ".join(items)


def max_glibc(bundle: Path) -> str:
    best = (0, 0)
    for elf in elf_files(bundle):
        for tags in version_refs(elf).values():
            for tag in tags:
                m = re.fullmatch(r"GLIBC_(\d+)\.(\d+)", tag)
                if m:
                    best = max(best, (int(m.group(1)), int(m.group(2))))
    return f"{best[0]}.{best[1]}"


# ------------------------------------------------------------------ staging
def _copy_tree(src: Path, dst: Path) -> None:
    # Hard links when possible: the bundle is ~600 MB and is not modified.
    try:
        subprocess.run(["cp", "-al", str(src), str(dst)], check=True, capture_output=True)
    except subprocess.CalledProcessError:
        shutil.copytree(src, dst, symlinks=True)


def _install(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    dst.chmod(mode)


def _tar(folder: Path, out: Path, top: str) -> None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    level = os.environ.get("GRADLAB_XZ_LEVEL", "9")
    with out.open("wb") as f:
        tar = subprocess.Popen(
            [
                "tar", "--sort=name", "--owner=0", "--group=0", "--numeric-owner",
                f"--mtime=@{epoch}", "--transform", f"s,^\\.,{top},",
                "-C", str(folder), "-cf", "-", ".",
            ],
            stdout=subprocess.PIPE,
        )  # fmt: skip
        xz = subprocess.run(["xz", "-T0", f"-{level}", "-c"], stdin=tar.stdout, stdout=f)
        tar.stdout.close()
        if tar.wait() != 0 or xz.returncode != 0:
            raise SystemExit("tar | xz failed")


def tarball(bundle: Path, outdir: Path) -> Path:
    version = bundle_rules.version()
    top = f"gradlab-{version}-linux-x86_64"
    out = outdir / f"{top}.tar.xz"
    with tempfile.TemporaryDirectory(dir=outdir) as tmp:
        stage = Path(tmp) / "stage"
        _copy_tree(bundle, stage)
        share = stage / "share"
        _install(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
        _install(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
        _install(ROOT / "packaging/icons/gradlab.svg", share / "icons" / f"{APP_ID}.svg")
        _install(ROOT / "packaging/icons/gradlab.png", share / "icons" / f"{APP_ID}.png")
        _install(HERE / "install-menu-entry.sh", stage / "install-menu-entry.sh", 0o755)
        _install(HERE / "README-linux.txt", stage / "README.txt")
        _tar(stage, out, top)
    return out


def control_file(bundle: Path, installed_kb: int) -> str:
    deps = compute_depends(bundle)
    if deps["unresolved"]:
        lines = [f"  {s} (needed by {', '.join(f[:2])})" for s, f in deps["unresolved"].items()]
        raise SystemExit("libraries found in no package:\n" + "\n".join(lines))
    fields = [
        ("Package", PACKAGE),
        ("Version", bundle_rules.version()),
        ("Architecture", ARCH),
        ("Maintainer", MAINTAINER),
        ("Installed-Size", str(installed_kb)),
        ("Depends", format_relations(deps["depends"])),
        ("Recommends", format_relations(deps["recommends"])),
        ("Section", "education"),
        ("Priority", "optional"),
        ("Description", DESCRIPTION),
    ]
    return "".join(f"{k}: {v}\n" for k, v in fields if v)


def md5sums(root: Path) -> str:
    """DEBIAN/md5sums (what `dpkg --verify` checks)."""
    import hashlib

    lines = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.relative_to(root).parts:
            h = hashlib.md5()
            with p.open("rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            lines.append(f"{h.hexdigest()}  {p.relative_to(root).as_posix()}\n")
    return "".join(lines)


def deb(bundle: Path, outdir: Path) -> Path:
    version = bundle_rules.version()
    out = outdir / f"{PACKAGE}_{version}_{ARCH}.deb"
    with tempfile.TemporaryDirectory(dir=outdir) as tmp:
        root = Path(tmp) / "root"
        (root / "opt").mkdir(parents=True)
        _copy_tree(bundle, root / PREFIX.lstrip("/"))
        usr = root / "usr"
        (usr / "bin").mkdir(parents=True)
        (usr / "bin" / "gradlab").symlink_to(f"{PREFIX}/gradlab")
        share = usr / "share"
        _install(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
        _install(HERE / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
        icons = share / "icons" / "hicolor"
        _install(ROOT / "packaging/icons/gradlab.svg", icons / "scalable/apps" / f"{APP_ID}.svg")
        _install(ROOT / "packaging/icons/gradlab.png", icons / "256x256/apps" / f"{APP_ID}.png")
        _install(ROOT / "packaging/icons/gradlab-48.png", icons / "48x48/apps" / f"{APP_ID}.png")
        _install(HERE / "copyright", share / "doc" / PACKAGE / "copyright")
        for d in [root, *root.rglob("*")]:
            if d.is_dir() and not d.is_symlink():
                d.chmod(0o755)
        size_kb = sum(
            (p.stat().st_size + 1023) // 1024
            for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()
        )
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(control_file(bundle, size_kb))
        (root / "DEBIAN" / "md5sums").write_text(md5sums(root))
        print((root / "DEBIAN" / "control").read_text())
        level = os.environ.get("GRADLAB_XZ_LEVEL", "9")
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "0"))
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                "-Zxz",
                f"-z{level}",
                "--build",
                str(root),
                str(out),
            ],
            check=True,
            env=env,
        )
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("depends", "tarball", "deb", "glibc"))
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (dist/gradlab)")
    parser.add_argument("-o", "--outdir", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if not (args.bundle / "gradlab").exists():
        raise SystemExit(f"{args.bundle} is not a GradLab bundle (no gradlab executable)")
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.what == "depends":
        deps = compute_depends(args.bundle)
        print("Depends:", format_relations(deps["depends"]))
        print("Recommends:", format_relations(deps["recommends"]))
        for soname, users in deps["unresolved"].items():
            print(f"UNRESOLVED {soname}: {', '.join(users[:3])}")
        return 1 if deps["unresolved"] else 0
    if args.what == "glibc":
        print(max_glibc(args.bundle))
        return 0
    out = (
        tarball(args.bundle, args.outdir)
        if args.what == "tarball"
        else deb(args.bundle, args.outdir)
    )
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
