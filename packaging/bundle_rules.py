"""What the GradLab bundle leaves out, and why (used by gradlab.spec).

Every exclusion here was measured (packaging/README.md has the sizes) and is
backed by evidence:
- modules: packaging/trace_imports.py runs the app's experiments, checkpoints,
  graph, export-script and the window self-test in the dev environment and fails
  if any of them imports an excluded module; packaging/smoke.py then runs the
  same on the bundle itself (parity with the tutorial loop, window, lessons);
- files: test programs, headers and plugins for hardware and network features the
  app never uses (which Qt plugin loads is visible with QT_DEBUG_PLUGINS=1);
- system libraries: the ones a desktop always has and that must match the user's
  system (graphics drivers, X11/Wayland, fonts, GLib/GTK, D-Bus, libstdc++): a
  bundled copy from the build machine breaks them on newer distributions. The
  .deb declares them as dependencies (computed from ldd by packaging/linux/debdeps.py).

Nothing here imports PyInstaller: tests/packaging imports it to check the rules.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

# Never wanted in any build.
NEVER_USED_MODULES = ["tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3"]

# Python packages and subpackages none of the traced runs imports. Excluding
# torch._dynamo, torch._inductor, torch.testing, torch.distributed or torch.onnx
# whole breaks `import torch` (torch 2.13 imports parts of each at start or on the
# first optimizer); only these subpackages can go.
EXCLUDED_MODULES = NEVER_USED_MODULES + [
    # torch.compile's code generation (the app never compiles)
    "torch._inductor.codegen",
    "torch._inductor.fx_passes",
    "torch._inductor.kernel",
    "torch._inductor.template_heuristics",
    "torch._inductor.autoheuristic",
    "torch._vendor.quack",
    "torch._dynamo.repro",
    "torch.fx.experimental.migrate_gradual_types",
    "torch.onnx._internal.fx",
    "torch._export.serde",
    "torch._export.passes",
    "torch.export.pt2_archive",
    # multi-process / multi-machine training
    "torch.distributed.checkpoint",
    "torch.distributed.elastic",
    "torch.distributed.pipelining",
    "torch.distributed._tools",
    "torch.distributed.optim",
    "torch.distributed.tensor.experimental",
    "torch.distributed.algorithms.ddp_comm_hooks",
    "torch.distributed.flight_recorder",
    # quantization and pruning tool chains, mobile back ends, GPU tooling
    "torch.ao.quantization.fx",
    "torch.ao.quantization.backend_config",
    "torch.ao.ns",
    "torch.ao.pruning",
    "torch.backends._nnapi",
    "torch.utils.hipify",
    "torch.utils.benchmark",
    "torch.utils.tensorboard",
    # torch's own test suite
    "torch.testing._internal.generated",
    "torch.testing._internal.opinfo",
    "torch.testing._internal.distributed.rpc",
    "torch.testing._internal.distributed._tensor",
    "torch._numpy.testing",
    # needed only by torch.compile, torch.utils.cpp_extension or hub downloads
    "networkx",
    "jinja2",
    "markupsafe",
    "setuptools",
    "pkg_resources",
    "distutils",
    "fsspec",
    "filelock",
    "torch.sparse._triton_ops",
    "torch.sparse._triton_ops_meta",
    "torch.utils.cpp_extension",
    # pyqtgraph's demos, notebook widgets and 3D (PyOpenGL) parts
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "pyqtgraph.opengl",
    # Qt modules the app does not use (their C++ libraries stay where Qt needs them)
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    # standard library parts nothing imports
    "sqlite3",
    "_sqlite3",
    "readline",
    "curses",
    "_curses",
    "pydoc_data",
    "xmlrpc",
    "numpy.f2py",
    "numpy.testing",
]

# Packages of which torch imports only a few children: every other child goes.
# torch.testing._internal is torch's own test suite (3.5 MB of Python); torch
# imports these few parts of it at start.
PARTLY_EXCLUDED = {
    "torch.testing._internal": {"common_dtype", "logging_tensor", "distributed"},
    "torch.testing._internal.distributed": {"fake_pg"},
}


def excluded_modules() -> list[str]:
    """EXCLUDED_MODULES plus the children of PARTLY_EXCLUDED packages not kept
    (found on disk, without importing anything)."""
    import importlib.util

    out = list(EXCLUDED_MODULES)
    try:
        spec = importlib.util.find_spec("torch")
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return out
    torch_dir = Path(spec.origin).parent
    for package, kept in PARTLY_EXCLUDED.items():
        folder = torch_dir.joinpath(*package.split(".")[1:])
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if child.suffix == ".py" and child.stem != "__init__":
                name = child.stem
            elif child.is_dir() and (child / "__init__.py").exists():
                name = child.name
            else:
                continue
            full = f"{package}.{name}"
            if name not in kept and full not in out:
                out.append(full)
    return out


# Files (destination paths inside the bundle, POSIX style) never shipped.
DROPPED_FILES = [
    # torch: C++ test programs and libraries, protoc, headers, CMake files
    "torch/test/*",
    "torch/bin/*",
    "torch/include/*",
    "torch/share/*",
    "torch/lib/libjitbackend_test.*",
    "torch/lib/libtorchbind_test.*",
    "torch/lib/libbackend_with_compiler.*",
    "torch/lib/libaoti_custom_ops.*",
    "torch/lib/*.lib",
    "torch/_inductor/kernel/*",  # Triton kernel templates (module excluded above)
    "torch/utils/model_dump/*",
    "torch/utils/benchmark/*",
    # Qt plugins for embedded/framebuffer/VNC displays, network and TLS, input
    # devices read directly (evdev); xcb, wayland, offscreen stay
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimal.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/qdirect2d.dll",
    "PySide6/Qt/plugins/platforms/qminimal.dll",
    "PySide6/Qt/plugins/platforms/libqminimal.dylib",
    "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/plugins/generic/*",
    "PySide6/Qt/plugins/networkinformation/*",
    "PySide6/Qt/plugins/tls/*",
    # nothing in the bundle links QtNetwork once its Python module and the
    # network/TLS plugins are gone (checked with readelf -d over the bundle)
    "PySide6/Qt/lib/libQt6Network.*",
    "libQt6Network.*",
    "PySide6/Qt6Network.dll",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.*",
    "PySide6/Qt/lib/libQt6EglFsKmsSupport.*",
    "libQt6EglFSDeviceIntegration.*",
    "libQt6EglFsKmsSupport.*",
    "PySide6/Qt/plugins/imageformats/*qtiff*",
    "PySide6/Qt/plugins/imageformats/*qwebp*",
    "PySide6/Qt/plugins/imageformats/*qtga*",
    "PySide6/Qt/plugins/imageformats/*qwbmp*",
]

# Exceptions to DROPPED_FILES: `import torch` fails without torch_shm_manager
# ("Unable to find torch_shm_manager"), measured with torch 2.13.
KEPT_FILES = ["torch/bin/torch_shm_manager*"]

# Linux system libraries taken from the user's system, never from the build
# machine (sonames; PyInstaller already leaves out glibc, libGL and friends).
SYSTEM_LIBRARIES = [
    # C++ runtime: a bundled libstdc++ breaks Mesa/graphics drivers on newer distros
    "libstdc++.so.*",
    "libgcc_s.so.*",
    # X11 / xcb / keyboard: must match the X server and the user's keymaps
    "libX11.so.*",
    "libX11-xcb.so.*",
    "libXau.so.*",
    "libXdmcp.so.*",
    "libXext.so.*",
    "libXrender.so.*",
    "libXi.so.*",
    "libXfixes.so.*",
    "libxcb.so.*",
    "libxcb-*.so.*",
    "libxkbcommon.so.*",
    "libxkbcommon-x11.so.*",
    "libwayland-*.so.*",
    "libdrm.so.*",
    "libgbm.so.*",
    # fonts and text shaping: must read the system's font configuration
    "libfontconfig.so.*",
    "libfreetype.so.*",
    "libharfbuzz.so.*",
    "libgraphite2.so.*",
    "libexpat.so.*",
    "libpng16.so.*",
    "libbrotli*.so.*",
    # GLib, GTK and what they pull in (GTK theme plugin loads the system's GTK)
    "libglib-2.0.so.*",
    "libgobject-2.0.so.*",
    "libgio-2.0.so.*",
    "libgmodule-2.0.so.*",
    "libgthread-2.0.so.*",
    "libgtk-3.so.*",
    "libgdk-3.so.*",
    "libgdk_pixbuf-2.0.so.*",
    "libatk-1.0.so.*",
    "libatk-bridge-2.0.so.*",
    "libatspi.so.*",
    "libcairo.so.*",
    "libcairo-gobject.so.*",
    "libpango-1.0.so.*",
    "libpangocairo-1.0.so.*",
    "libpangoft2-1.0.so.*",
    "libfribidi.so.*",
    "libthai.so.*",
    "libdatrie.so.*",
    "libpixman-1.so.*",
    "libepoxy.so.*",
    "libjpeg.so.*",
    "libpcre2-8.so.*",
    "libmount.so.*",
    "libblkid.so.*",
    "libselinux.so.*",
    # D-Bus, systemd and crypto/auth they pull in
    "libdbus-1.so.*",
    "libsystemd.so.*",
    "libcap.so.*",
    "libgcrypt.so.*",
    "libgpg-error.so.*",
    "liblz4.so.*",
    "libzstd.so.*",
    "libbsd.so.*",
    "libmd.so.*",
    "libgssapi_krb5.so.*",
    "libkrb5.so.*",
    "libkrb5support.so.*",
    "libk5crypto.so.*",
    "libcom_err.so.*",
    "libkeyutils.so.*",
]


# Distributions whose code ships in the bundle: their licence files (and
# METADATA, which names the licence where no file ships) go to licenses/<name>/.
BUNDLED_DISTRIBUTIONS = [
    "torch",
    "PySide6_Essentials",
    "shiboken6",
    "numpy",
    "pyqtgraph",
    "sympy",
    "mpmath",
    "typing_extensions",
    "colorama",
]
_LICENSE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)


def license_datas() -> list[tuple[str, str]]:
    """(source, destination folder) for the licence texts of what the bundle ships,
    read in the environment that builds it; Python's own licence too."""
    import importlib.metadata as md
    import sys
    import sysconfig

    out = []
    for name in BUNDLED_DISTRIBUTIONS:
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        for f in dist.files or []:
            path = str(f).replace("\\", "/")
            if _LICENSE_FILE.search(path) or path.endswith(".dist-info/METADATA"):
                src = Path(dist.locate_file(f))
                if src.is_file():
                    sub = path.split(".dist-info/", 1)[-1]
                    dest = PurePosixPath("licenses", name, sub).parent
                    out.append((str(src), str(dest)))
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            out.append((str(candidate), "licenses/python"))
            break
    return out


def version() -> str:
    text = (ROOT / "gradlab" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def _posix(dest: str) -> str:
    return str(PurePosixPath(dest.replace("\\", "/")))


def is_system_library(dest: str) -> bool:
    name = PurePosixPath(_posix(dest)).name
    return any(fnmatchcase(name, pattern) for pattern in SYSTEM_LIBRARIES)


def app_languages() -> set[str]:
    """Languages GradLab ships a translation for (gradlab/assets/i18n/gradlab_<lang>.qm)."""
    folder = ROOT / "gradlab" / "assets" / "i18n"
    return (
        {p.stem.split("_", 1)[1] for p in folder.glob("gradlab_*.qm")} if folder.is_dir() else set()
    )


def is_unused_qt_translation(dest: str, languages: set[str] | None = None) -> bool:
    """Qt's own translations (qt_*.qm, qtbase_*.qm: 7 MB for ~35 languages) are
    needed only for the languages GradLab itself speaks (gradlab.ui.i18n loads
    qtbase_<lang>); the others go."""
    path = PurePosixPath(_posix(dest))
    if "translations" not in path.parts[:-1] or path.suffix != ".qm":
        return False
    languages = app_languages() if languages is None else languages
    if not languages:
        return False  # no translations of our own yet: keep Qt's
    stem = path.stem  # qtbase_zh_CN, qt_en ...
    lang = stem.split("_", 1)[1] if "_" in stem else ""
    return lang not in languages and lang.split("_")[0] not in languages


def is_dropped_file(dest: str) -> bool:
    path = _posix(dest)
    if is_unused_qt_translation(path):
        return True
    if any(fnmatchcase(path, pattern) for pattern in KEPT_FILES):
        return False
    return any(fnmatchcase(path, pattern) for pattern in DROPPED_FILES)


def binary_never_bundled(dest: str) -> bool:
    """Dropped even in an untrimmed build (GRADLAB_BUNDLE_EXCLUDES=0)."""
    return is_system_library(dest)


def binary_dropped(dest: str) -> bool:
    return is_system_library(dest) or is_dropped_file(dest)


def data_dropped(dest: str) -> bool:
    return is_dropped_file(dest)


def filter_toc(toc, dropped):
    """Keep the TOC entries (dest, src, typecode) whose destination is not dropped."""
    return [entry for entry in toc if not dropped(entry[0])]
