/** Keys of the Postgres advisory locks that keep servers started together out of each other's way. */
export const databaseLocks = { migrations: 7_301_001, seed: 7_301_002 } as const;
