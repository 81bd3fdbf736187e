# The two commands README.md promises: `make demo` and `make test`.
SWIFT ?= swift
RELEASE_BIN := .build/release/redis-doctor

.PHONY: deps build binaries release release-serve bench-serve install uninstall deb deb-check demo cluster-demo test bench bench-check bench-tls clean

deps:
	.ci/deps.sh

build: deps
	$(SWIFT) build

# The shipped binary: static Swift runtime, which halves process start-up CPU.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product redis-doctor

# The exporter (redis-doctor serve execs it): its own executable, so check never loads swift-nio.
release-serve: deps
	$(SWIFT) build -c release --static-swift-stdlib --product redis-doctor-serve

# PREFIX (default /usr/local) and DESTDIR as usual; uninstall removes exactly that list.
PREFIX ?= /usr/local
DESTDIR ?=
# Built without deps: installing must not apt-get anything on an operator's machine.
binaries:
	$(SWIFT) build -c release --static-swift-stdlib --product redis-doctor
	$(SWIFT) build -c release --static-swift-stdlib --product redis-doctor-serve

install: binaries
	Packaging/install.sh install --from .build/release --prefix $(PREFIX) --destdir "$(DESTDIR)"

uninstall:
	Packaging/install.sh uninstall --prefix $(PREFIX) --destdir "$(DESTDIR)"

# A Debian package of the release build (dpkg-deb, no network); lintian should report no error.
deb: binaries
	Packaging/deb.sh --from .build/release --out .

# Install, run, remove and purge the package in a throwaway debootstrap root (minutes; root).
deb-check: deb
	Packaging/deb-check.sh $$(ls -t redis-doctor_*.deb | head -1)

bench-serve: release release-serve
	Benchmarks/serve-vs-redis-exporter.sh .build/release

demo: release
	.ci/demo.sh $(RELEASE_BIN)

# A throwaway six-node cluster, checked healthy and with a replica stopped (Docs/cluster.md).
cluster-demo: release
	.ci/cluster-demo.sh $(RELEASE_BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

bench: release
	$(SWIFT) run -c release redis-doctor-bench

clean:
	rm -rf .build

bench-check: release
	Benchmarks/check-vs-redis-cli.sh $(RELEASE_BIN)

bench-tls: release
	Benchmarks/check-tls-vs-redis-cli.sh $(RELEASE_BIN)
