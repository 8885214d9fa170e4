/**
 * The HTTP API: REST routes for people and scripts, and `POST /api/commands/:name`, the transport
 * of the browser version's Bridge. Every route goes through the same dispatcher and its zod schemas.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommandName } from '../../src-shared/commands';
import { InkproofError } from '../../src-shared/errors';
import { dispatch, type CallContext } from '../core/commands';
import type { Core } from '../core/core';
import type { ServerLimits } from './limits';
import { importUpload, Slots } from './upload';

export type ContextOf = (req: FastifyRequest) => CallContext;

function id(value: string, what: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new InkproofError('not_found', `There is no ${what} "${value}".`);
  return Number(value);
}

/**
 * Query strings arrive as text: turn numeric fields into numbers before validation. The access
 * token may ride in the query too; it is not a command argument.
 */
function numbers(query: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const { token: _token, ...out }: Record<string, unknown> = { ...query };
  for (const f of fields) if (typeof out[f] === 'string' && /^\d+$/.test(out[f] as string)) out[f] = Number(out[f]);
  return out;
}

const body = (req: FastifyRequest): Record<string, unknown> =>
  req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};

export function registerApiRoutes(app: FastifyInstance, core: Core, contextOf: ContextOf, limits: ServerLimits): void {
  const run = (req: FastifyRequest, command: CommandName, args: unknown) =>
    dispatch(core.api, command, args, contextOf(req));

  // JSON imports carry a whole file: they may be larger than other bodies, up to a point past which
  // parsing alone would hold the server; larger files go as uploads, which stream.
  const jsonImport = {
    bytes: limits.jsonImportBytes,
    hint: 'Upload larger files as multipart/form-data (curl -F file=@NAME).',
  };
  const slots = new Slots(limits.uploadsInMemory);

  app.post(
    '/api/commands/:name',
    {
      config: {
        jsonLimit: (req) =>
          (req.params as { name?: string }).name === 'importDocuments' ? jsonImport : { bytes: limits.jsonBodyBytes },
      },
    },
    async (req) => run(req, (req.params as { name: string }).name as CommandName, req.body ?? {}),
  );

  app.post('/api/documents', { config: { jsonLimit: () => jsonImport } }, async (req, reply) => {
    const ctx = contextOf(req);
    let result;
    if (req.isMultipart()) {
      result = await importUpload(req, core, ctx, {
        maxFiles: limits.uploadFiles,
        maxFields: limits.uploadFields,
        maxFieldBytes: limits.uploadFieldBytes,
        maxFileBytes: core.settings.importLimit(ctx.user.id),
        slots,
        idleMs: limits.uploadIdleMs,
      });
    } else {
      const b = body(req);
      result = await dispatch(core.api, 'importDocuments', 'files' in b ? b : { files: [b] }, ctx);
    }
    const { documents, errors } = result as {
      documents: unknown[];
      errors: { name: string; error: { code: string; message: string } }[];
    };
    if (documents.length === 1 && errors.length === 0) return reply.code(201).send({ document: documents[0] });
    if (documents.length === 0 && errors.length === 1) throw InkproofError.fromBody(errors[0].error as never);
    return reply.code(documents.length > 0 ? 201 : 422).send({ documents, errors });
  });

  app.get('/api/documents', async (req) =>
    run(req, 'listDocuments', numbers(req.query as Record<string, unknown>, ['limit', 'offset'])),
  );

  app.get('/api/documents/:id', async (req) => {
    const q = numbers(req.query as Record<string, unknown>, ['version']);
    return { document: await run(req, 'getDocument', { id: id((req.params as { id: string }).id, 'document'), ...q }) };
  });

  app.patch('/api/documents/:id', async (req) =>
    run(req, 'renameDocument', { id: id((req.params as { id: string }).id, 'document'), ...body(req) }),
  );

  app.delete('/api/documents/:id', async (req) =>
    run(req, 'deleteDocument', { id: id((req.params as { id: string }).id, 'document') }),
  );

  app.post('/api/documents/:id/analyze', async (req, reply) =>
    reply.code(202).send(await run(req, 'analyzeDocument', { id: id((req.params as { id: string }).id, 'document') })),
  );

  app.post('/api/documents/:id/rewrites', async (req, reply) => {
    const options = body(req);
    const args = {
      id: id((req.params as { id: string }).id, 'document'),
      ...(Object.keys(options).length ? { options } : {}),
    };
    return reply.code(202).send(await run(req, 'rewriteDocument', args));
  });

  app.get('/api/rewrites/:id', async (req) => ({
    rewrite: await run(req, 'getRewrite', { id: id((req.params as { id: string }).id, 'revision') }),
  }));

  app.post('/api/rewrites/:id/apply', async (req) =>
    run(req, 'applyRewrite', { id: id((req.params as { id: string }).id, 'revision'), ...body(req) }),
  );

  app.get('/api/documents/:id/export', async (req, reply) => {
    const q = numbers(req.query as Record<string, unknown>, ['version', 'rewrite_id']);
    // `accepted_hunks=3,5,8` (or `all`): the changes of a revision that the export keeps.
    if (typeof q.accepted_hunks === 'string' && q.accepted_hunks !== 'all')
      q.accepted_hunks = q.accepted_hunks === '' ? [] : q.accepted_hunks.split(',').map((n) => Number(n));
    const file = (await run(req, 'exportDocument', {
      id: id((req.params as { id: string }).id, 'document'),
      ...q,
    })) as { name: string; mime: string; base64: string };
    return reply
      .header('content-type', file.mime)
      .header(
        'content-disposition',
        `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(Buffer.from(file.base64, 'base64'));
  });

  app.post('/api/documents/:id/samples', async (req, reply) =>
    reply.code(202).send(
      await run(req, 'validateSample', {
        document_id: id((req.params as { id: string }).id, 'document'),
        ...body(req),
      }),
    ),
  );

  app.get('/api/jobs', async (req) => run(req, 'listJobs', numbers(req.query as Record<string, unknown>, ['limit'])));
  app.post('/api/jobs/:id/cancel', async (req) =>
    run(req, 'cancelJob', { id: id((req.params as { id: string }).id, 'job') }),
  );
  app.post('/api/jobs/:id/retry', async (req) =>
    run(req, 'retryJob', { id: id((req.params as { id: string }).id, 'job') }),
  );
  app.get('/api/queue/stats', async (req) => run(req, 'getQueueStats', {}));

  app.get('/api/events', async (req) =>
    run(req, 'getEvents', numbers(req.query as Record<string, unknown>, ['since'])),
  );

  app.get('/api/settings', async (req) => run(req, 'getSettings', {}));
  app.patch('/api/settings', async (req) => run(req, 'updateSettings', { patch: body(req) }));
}
