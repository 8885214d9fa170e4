/** Serves the built renderer (the browser version), with index.html for client-side routes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_RENDERER_DIR = path.resolve(here, '../../out/renderer');

export function rendererBuilt(dir = DEFAULT_RENDERER_DIR): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/** Registers the renderer's files; returns whether a built renderer was found. */
export async function registerStatic(app: FastifyInstance, dir = DEFAULT_RENDERER_DIR): Promise<boolean> {
  if (!rendererBuilt(dir)) {
    app.get('/', async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Inkproof interface has not been built yet. Run "npm run build" and start the server again; the HTTP API under /api works meanwhile.\n',
        ),
    );
    return false;
  }
  // wildcard: files are looked up on each request, so a rebuild needs no restart.
  await app.register(fastifyStatic, { root: dir, prefix: '/', index: ['index.html'], wildcard: true });
  return true;
}
