/**
 * The demo site administrator (lib/db/seed.ts creates it), shown on the sign-in
 * page outside production. Also in the README and printed by `npm run seed`.
 */
export const demoAdminEmail = 'site.admin@acme.example';
export const demoAdminPassword = 'signpost-demo-admin';
