#!/usr/bin/env node
// The `inkproof` command. It runs the TypeScript sources through tsx, so it works right after
// `npm ci` without a build step.
import { register } from 'tsx/esm/api';
import { signalSelfWhenOrphaned, startedByNpm } from './lib/parent.mjs';

// Started by `npx inkproof …` or an npm script: stop, like on SIGTERM, when npm's wrapper is gone.
if (startedByNpm()) signalSelfWhenOrphaned('SIGTERM');
register();
await import('../src-main/cli.ts');
