# GradLab developer commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := packaging/constraints.txt

.PHONY: venv run test lint format bench bench-load package clean

venv: $(STAMP)

# Re-installs only when the project or its pins change. Quiet apart from the
# progress lines: setuptools warns about every editable install ("Editable
# installation ... folders with the same name"), which only alarms a newcomer
# (the folder it means is this project itself); PYTHONWARNINGS reaches the build
# backend pip runs.
QUIET_BUILD := PYTHONWARNINGS="ignore:Editable installation"
$(STAMP): pyproject.toml $(CONSTRAINTS)
	@echo "Setting up $(VENV) (first time only; PyTorch is a large download, allow a few minutes)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "  [1/2] pip"
	@$(BIN)/python -m pip install --upgrade --quiet pip
	@echo "  [2/2] GradLab and its dependencies"
	@$(QUIET_BUILD) $(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	@touch $(STAMP)
	@echo "Ready."

run: venv
	$(BIN)/gradlab

lint: venv
	$(BIN)/ruff check gradlab tests packaging tools
	$(BIN)/ruff format --check gradlab tests packaging tools

format: venv
	$(BIN)/ruff format gradlab tests packaging tools
	$(BIN)/ruff check --fix gradlab tests packaging tools

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Each benchmark prints one JSON line, with the raw loop's speed beside every ratio
# and the host's load average. bench-load: startup and streaming beside one busy
# background process (a busy laptop). `make bench ARGS=--load` is the same.
bench: venv
	$(BIN)/python tests/benchmarks/run_all.py $(ARGS)

bench-load: venv
	$(BIN)/python tests/benchmarks/run_all.py --load

clean:
	rm -rf build dist *.egg-info

# Interface translations: resources/i18n/gradlab_<lang>.ts (edit them in Qt Linguist:
# .venv/bin/pyside6-linguist) -> gradlab/assets/i18n/gradlab_<lang>.qm, shipped in the
# wheel. lupdate collects every translate() call of the package and drops entries the
# code no longer has; lrelease compiles. pyside6-lupdate never marks a Python
# translate() call with a count (%n) as plural, so tools/translations.py first writes
# those calls, in a form lupdate does read as plural, to a shim it reads first (see
# that file). New strings arrive untranslated: `check` lists them, and
# tests/ui/test_i18n.py fails naming them until they are translated.
I18N_TS := resources/i18n/gradlab_zh_CN.ts resources/i18n/gradlab_en.ts
I18N_SHIM := build/i18n/shim.py

.PHONY: translations
translations: venv
	$(BIN)/python tools/translations.py shim $(I18N_SHIM)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -source-language en $(I18N_SHIM) \
		$$(find gradlab -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort) -ts $(I18N_TS)
	mkdir -p gradlab/assets/i18n
	for ts in $(I18N_TS); do \
		$(BIN)/pyside6-lrelease -silent -nounfinished -removeidentical $$ts \
			-qm gradlab/assets/i18n/$$(basename $$ts .ts).qm || exit 1; \
	done
	$(BIN)/python tools/translations.py check

# ------------------------------------------------------------------ packaging
# Installers for students (packaging/README.md). PyInstaller lives in its own
# venv, build/venv (same pins as .venv plus packaging/build-constraints.txt), so
# the dev .venv stays lean. Outputs: dist/gradlab/ (the one-folder bundle),
# dist/gradlab-VERSION-linux-x86_64.tar.xz and dist/gradlab_VERSION_amd64.deb.
BUILD_VENV := build/venv
BUILD_BIN := $(BUILD_VENV)/bin
BUILD_STAMP := $(BUILD_VENV)/.installed
BUILD_CONSTRAINTS := packaging/build-constraints.txt
BUNDLE := dist/gradlab

.PHONY: build-venv bundle package package-trace package-smoke package-smoke-deb \
	package-measure package-check

build-venv: $(BUILD_STAMP)

$(BUILD_STAMP): pyproject.toml $(CONSTRAINTS) $(BUILD_CONSTRAINTS)
	test -x $(BUILD_BIN)/python || $(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_BIN)/python -m pip install --upgrade --quiet pip
	$(PYTHON) packaging/requirements.py > build/requirements.txt
	$(BUILD_BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -c $(BUILD_CONSTRAINTS) \
		-r build/requirements.txt pyinstaller pyinstaller-hooks-contrib
	$(BUILD_BIN)/python packaging/check_build_env.py
	touch $@

# Fails when the app imports a module the bundle leaves out (dev .venv, ~2 min).
package-trace: venv
	$(BIN)/python packaging/trace_imports.py

bundle: $(BUILD_STAMP) package-trace
	rm -rf $(BUNDLE)
	$(BUILD_BIN)/python -m PyInstaller --noconfirm --distpath dist \
		--workpath build/pyinstaller packaging/gradlab.spec
	$(PYTHON) packaging/strip_bundle.py $(BUNDLE)
	du -sh $(BUNDLE)

package: bundle
	$(PYTHON) packaging/linux/package_linux.py tarball $(BUNDLE) -o dist
	$(PYTHON) packaging/linux/package_linux.py deb $(BUNDLE) -o dist
	@ls -l dist/*.tar.xz dist/*.deb

# The built bundle, then the tarball unpacked elsewhere (no dpkg, no root).
package-smoke: venv
	$(PYTHON) packaging/smoke.py $(BUNDLE)/gradlab
	rm -rf build/tarball-smoke && mkdir -p build/tarball-smoke
	tar -xJf dist/gradlab-*-linux-x86_64.tar.xz -C build/tarball-smoke
	$(PYTHON) packaging/smoke.py build/tarball-smoke/gradlab-*/gradlab --quick

# dpkg -i the .deb, smoke /usr/bin/gradlab, dpkg -r, nothing left (needs root).
package-smoke-deb: venv
	sh packaging/linux/smoke_deb.sh dist/gradlab_*_amd64.deb

package-measure:
	$(PYTHON) packaging/measure.py $(BUNDLE)/gradlab --runs 7

# Fast (seconds): spec and rules, desktop file, AppStream, workflow, scripts.
package-check: venv
	$(BIN)/python packaging/check.py
