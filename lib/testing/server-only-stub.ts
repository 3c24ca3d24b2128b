// Vitest runs adapters outside Next's server bundle, where the real `server-only` would throw.
export {};
