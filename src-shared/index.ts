export * from './errors';
export * from './channels';
export * from './models';
export * from './events';
export * from './commands';
export * from './bridge';
export * from './tasks';
export * from './hunks';
