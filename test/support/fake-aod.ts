// The fake AOD lives with the AOA's demo estate, so `make demo` can start it too.
export { startFakeAod } from '@autonomos/aoa';
export type { FakeAod, FakeAodMode, FakeAodOptions } from '@autonomos/aoa';
