# Gương sáng: every target sets up what it needs (.venv, node_modules, Chromium for tests) on its own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON_READY := $(VENV)/.ready
NODE_READY := node_modules/.ready
BROWSER_READY := $(VENV)/.browser-ready

export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve cms build check test bench clean

help:
	@echo "make serve   dựng và mở trang trình diễn tại http://127.0.0.1:8000/"
	@echo "make cms     như make serve, thêm trình sửa trên web tại http://127.0.0.1:8000/admin/ (lưu thẳng vào thư mục này)"
	@echo "make build   dựng trang để xuất bản vào site/ (cần site_url là địa chỉ công khai)"
	@echo "make check   chỉ kiểm tra dữ liệu và văn bản"
	@echo "make test    chạy toàn bộ kiểm thử"
	@echo "make bench   đo dựng trang, xem trước khi lưu, bộ nhớ, tìm kiếm ở 1.000, 2.500 và 10.000 hồ sơ, so với Hugo (SIZES=\"1000\" chỉ đo 1.000 hồ sơ)"

$(PYTHON_READY): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test,bench]"
	touch $@

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(BROWSER_READY): scripts/install-chromium.sh
	sh scripts/install-chromium.sh
	touch $@

setup: $(PYTHON_READY) $(NODE_READY)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The local backend (decap-server, from npm) writes what the web editor saves into this folder; it
# stops with mkdocs serve (a background job of a script ignores Ctrl+C, hence the trap).
cms: setup
	PORT=8081 BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(CURDIR)" node_modules/.bin/decap-server & proxy=$$!; \
	trap 'kill $$proxy' EXIT INT TERM; \
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/python scripts/build.py

check: $(PYTHON_READY)
	$(BIN)/python scripts/check.py

# Two workers, one test file each at a time (module fixtures build their site once; the web editor's
# test server keeps its port).
test: setup $(BROWSER_READY)
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not slow"

bench: setup $(BROWSER_READY)
	$(BIN)/python scripts/bench.py $(if $(SIZES),--sizes $(SIZES))
	$(BIN)/python -m pytest -m slow

clean:
	rm -rf site .site-tmp .site-old
