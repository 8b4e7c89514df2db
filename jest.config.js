// Unit tests: *.spec.ts beside the code. No database or Redis needed unless a spec says so.
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.jsc.baseUrl;
delete swc.jsc.paths;
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/migrations', '<rootDir>/scripts'],
  testRegex: '.*\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/apps/console/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^@autonomos/([^/]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
};
