export * from './matcher';
export * from './transforms';
