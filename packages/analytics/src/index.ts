export * from './customers.ts';
export * from './duration.ts';
export * from './events.ts';
export * from './match.ts';
export * from './memory-store.ts';
export * from './store.ts';
