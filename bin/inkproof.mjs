#!/usr/bin/env node
// The `inkproof` command. It runs the TypeScript sources through tsx, so it works right after
// `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli.ts');
