// The neutral AWS model: one import for sources and the simulation.
export * from './origin.js';
export * from './unknown.js';
export * from './policy.js';
export * from './network.js';
export * from './dns.js';
export * from './api-gateway.js';
export * from './model.js';
export * from './lookup.js';
