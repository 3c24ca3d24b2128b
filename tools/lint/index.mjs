// The lint packages, resolved from this workspace: typescript-eslint needs the
// TypeScript JS API (typescript <6.1), which the app's typescript 7 does not
// ship, so they live here with typescript 5.9 and the root config imports them
// through this file.
export { default as tseslint } from 'typescript-eslint';
export { default as nextPlugin } from '@next/eslint-plugin-next';
export { layeringPlugin } from './layering.mjs';
