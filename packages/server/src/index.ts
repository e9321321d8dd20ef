export * from './app.ts';
export * from './demo.ts';
export * from './env.ts';
export * from './errors.ts';
export * from './serve.ts';
export * from './web-app.ts';
export * from './workspace-events.ts';
