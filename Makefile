# The two commands: `make demo` and `make test`. Everything else is a step they use, or a chore.
SHELL := /bin/bash
RUN_TS := node -r @swc-node/register
# Local defaults for the chores; `make demo` writes secrets to .env on first run.
-include .env
export

.PHONY: install preflight build typecheck lint openapi openapi-check sdk test test-unit test-e2e demo stop \
	console-build console-dev chromium db-migrate db-revert migration deploy-check db-audit stamp-baseline bench-api bench-tasks

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed

# One clear line when PostgreSQL or Redis is not there.
preflight:
	@node scripts/preflight.js

build: install
	npm run --silent build

typecheck: install
	npx tsc -p tsconfig.json --noEmit

# Layering by machine: libs never import apps, domains meet through their index, no cycles.
lint: install
	npx depcruise --config .dependency-cruiser.js apps libs migrations scripts

openapi: install
	$(RUN_TS) scripts/openapi.ts
	$(MAKE) sdk

sdk: install
	rm -rf libs/sdk/src/generated
	npx openapi-ts -i openapi.json -o libs/sdk/src/generated -c @hey-api/client-fetch --no-log-file -s

# Fails when openapi.json or the SDK generated from it is stale.
openapi-check: install
	$(RUN_TS) scripts/openapi.ts --check
	@tmp=$$(mktemp -d) && npx openapi-ts -i openapi.json -o $$tmp -c @hey-api/client-fetch --no-log-file -s && \
	  diff -r -q $$tmp libs/sdk/src/generated >/dev/null || { echo "libs/sdk is stale: run \`make sdk\`"; exit 1; }

test-unit: install
	npx jest -c jest.config.js

# The admin console (apps/console): type-checked, then built by Vite into apps/console/dist (served by the api at /console/).
console-build: install
	npm run --silent console:build

console-dev: install
	npm run --silent console:dev

# Debian's Chromium for the console's browser tests (playwright-core drives it; no browser downloads).
chromium:
	@test -x /usr/bin/chromium || { (apt-get install -y chromium || (apt-get update && apt-get install -y chromium)) >/dev/null && echo "installed chromium"; }

test-e2e: install preflight console-build chromium
	npx jest -c test/jest-e2e.config.js --runInBand

test: install preflight typecheck lint openapi-check test-unit test-e2e

demo: install preflight build console-build
	$(RUN_TS) scripts/demo.ts

stop:
	@$(RUN_TS) scripts/demo.ts --stop

db-migrate: install preflight
	$(RUN_TS) scripts/db.ts migrate

db-revert: install preflight
	$(RUN_TS) scripts/db.ts revert

# make migration name=AddThings — generated from the entities; then list it in migrations/index.ts.
migration: build preflight
	@test -n "$(name)" || { echo "usage: make migration name=AddThings"; exit 2; }
	npx typeorm migration:generate -d dist/ormconfig.js migrations/$(name)
	@echo "now add the new class to migrations/index.ts"

deploy-check: install preflight
	$(RUN_TS) scripts/db.ts deploy-check

db-audit: install preflight
	$(RUN_TS) scripts/db.ts audit

stamp-baseline: install preflight
	$(RUN_TS) scripts/db.ts stamp-baseline

bench-api: build preflight
	npm run --silent bench:api

bench-tasks: build preflight
	npm run --silent bench:tasks
