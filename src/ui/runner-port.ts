/**
 * The panel's port to the runner. Defined in src/runner/panel-port.ts (the runner depends on nothing in
 * ui/); the panel imports it from here so its components name one module of their own.
 */
export type * from '../runner/panel-port';
