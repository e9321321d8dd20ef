export * from './document.ts';
export * from './ids.ts';
export * from './journey.ts';
export * from './kpi/catalogue.ts';
export * from './migrations.ts';
export * from './problems.ts';
export * from './schema.ts';
export * from './validate.ts';
