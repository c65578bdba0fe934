// CIDR math on integers: parse addresses and blocks, containment, longest-prefix match.
export * from './result.js';
export * from './address.js';
export * from './cidr.js';
export * from './contains.js';
export * from './longest-prefix.js';
