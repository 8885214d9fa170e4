/**
 * `inkproof` — the command line: serve, analyze, rewrite, tail, eval, user. Results go to stdout, logs and
 * progress to stderr. Exit code 0 on success, 1 when some input failed, 2 on a usage error.
 */
import { Command, InvalidArgumentError } from 'commander';
import { InkproofError } from '../src-shared/errors';
import { REWRITE_MODES } from '../src-shared/models';
import { createLogger } from './core/logger';
import { WorkerPool } from './core/pool';
import { analyzeFiles, analyzeJsonl } from './cli/analyze';
import { evalCommand } from './cli/eval';
import { checkOutputPath, outputFormat, rewriteFile, rewriteJsonl, rewriteOptions } from './cli/rewrite';
import { tail } from './cli/tail';
import { STDIN } from './cli/pipeline';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
}

async function withPool(fn: (pool: WorkerPool) => Promise<number>): Promise<number> {
  const pool = new WorkerPool();
  try {
    return await fn(pool);
  } finally {
    await pool.destroy();
  }
}

// A reader that stops early (`inkproof rewrite --jsonl < in | head`) closes the pipe: stop quietly,
// as other command-line tools do, rather than with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

const program = new Command()
  .name('inkproof')
  .description('Check documents for AI-generated text and revise what is flagged — offline.')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('Run the HTTP API, live events (a Pusher-protocol sync server) and the browser version.')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on (0 picks a free one)', port, 8080)
  .option('--data <dir>', 'data folder (default: INKPROOF_DATA or the per-user data folder)')
  .option('--token <token>', 'access token (default: INKPROOF_TOKEN or a random one)')
  .option(
    '--apps <file>',
    'JSON file with the Pusher apps to serve (default: INKPROOF_APPS_FILE, or INKPROOF_APP_ID/KEY/SECRET)',
  )
  .option(
    '--redis <url>',
    'share fan-out, presence, the catch-up log and limits with other server processes (default: INKPROOF_REDIS_URL)',
  )
  .option(
    '--allowed-hosts <list>',
    'other Host values to accept, comma-separated NAME or NAME:PORT, e.g. behind a proxy (default: INKPROOF_ALLOWED_HOSTS)',
  )
  .option('--sync <url>', "sync this data folder's library with a remote Inkproof server (see docs/sync.md)")
  .option('--sync-token <token>', 'the API token for --sync (default: INKPROOF_SYNC_TOKEN)')
  .option('--sync-device <name>', "this device's name on the sync server (default: the machine's name)")
  .option('--debug', 'log hub traffic and requests')
  .action(
    async (o: {
      host: string;
      port: number;
      data?: string;
      token?: string;
      apps?: string;
      redis?: string;
      allowedHosts?: string;
      sync?: string;
      syncToken?: string;
      syncDevice?: string;
      debug?: boolean;
    }) => {
      // Loaded on demand: the server's dependencies are not needed by the other commands.
      const { serveUntilSignalled } = await import('./cli/serve');
      await serveUntilSignalled(o);
    },
  );

program
  .command('analyze')
  .description('Score files for AI-generated text, or JSON Lines from stdin with --jsonl.')
  .argument('[files...]', '.txt, .md, .html, .docx or .pdf files; "-" reads a text from stdin')
  .option('--json', 'print JSON instead of a readable report')
  .option('--jsonl', 'read {"id","text"} lines on stdin, write one result line each on stdout')
  .action(async (files: string[], o: { json?: boolean; jsonl?: boolean }) => {
    if (o.jsonl && files.length) throw usage('Give files or --jsonl, not both.');
    if (!o.jsonl && files.length === 0)
      throw usage('Give at least one file ("-" reads a text from stdin), or --jsonl to read JSON Lines from stdin.');
    if (files.filter((f) => f === STDIN).length > 1) throw usage('"-" (stdin) can be given once.');
    process.exitCode = await withPool((pool) =>
      o.jsonl ? analyzeJsonl(pool) : analyzeFiles(pool, files, !!o.json, (s) => process.stdout.write(s)),
    );
  });

program
  .command('rewrite')
  .description('Revise a file (to stdout or --out), or JSON Lines from stdin with --jsonl.')
  .argument('[file]', 'the file to revise; "-" reads a text from stdin')
  .option('--mode <mode>', REWRITE_MODES.join(', '))
  .option('--strength <n>', '1 (light) to 3 (strong)')
  .option('--out <file>', 'write the revision to this file: .docx (Word), .md (Markdown) or .txt')
  .option('--jsonl', 'read {"id","text"} lines on stdin, write {"id","text","diff_summary"} lines')
  .action(async (file: string | undefined, o: { mode?: string; strength?: string; out?: string; jsonl?: boolean }) => {
    const options = rewriteOptions(o.mode, o.strength);
    if (o.jsonl && file) throw usage('Give a file or --jsonl, not both.');
    if (!o.jsonl && !file)
      throw usage('Give a file ("-" reads a text from stdin), or --jsonl to read JSON Lines from stdin.');
    if (o.out !== undefined) {
      if (o.jsonl) throw usage('--out writes one revised file; with --jsonl the revisions go to stdout.');
      outputFormat(o.out);
      await checkOutputPath(o.out, file!);
    }
    process.exitCode = await withPool((pool) =>
      o.jsonl ? rewriteJsonl(pool, options) : rewriteFile(pool, file!, options, o.out),
    );
  });

program
  .command('tail')
  .description('Show the live events of a running server (Laravel Pail for broadcasts).')
  .option('--url <url>', 'address of the server (may include ?token=)', 'http://127.0.0.1:8080')
  .option('--token <token>', "the server's token (default: INKPROOF_TOKEN or the one in --url)")
  .option('--channel <glob>', 'only channels matching, e.g. "documents.*"')
  .option('--event <glob>', 'only events matching, e.g. "rewrite.*"')
  .option('--json', 'print each event as a JSON line')
  .action(async (o: { url: string; token?: string; channel?: string; event?: string; json?: boolean }) => {
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    process.exitCode = await tail(o, controller.signal);
  });

program
  .command('eval')
  .description(
    'Measure the detector on a labelled corpus: AUROC, TPR at 1% and 5% FPR, false positives at the default threshold.',
  )
  .requiredOption('--corpus <file>', 'JSON Lines of {"id","label","domain","generator","text"}')
  .option('--json', 'print one JSON object instead of tables')
  .action(async (o: { corpus: string; json?: boolean }) => {
    process.exitCode = await evalCommand({ corpus: o.corpus, json: !!o.json }, (line) =>
      process.stdout.write(line + '\n'),
    );
  });

const user = program
  .command('user')
  .description('Manage the accounts of a data folder (for `inkproof serve` as a sync server).');
const dataOption = '--data <dir>';
const dataHelp = 'data folder (default: INKPROOF_DATA or the per-user data folder)';

user
  .command('add')
  .description('Add an account. The password (optional: an account may use tokens only) is hashed with scrypt.')
  .argument('<name>', 'user name')
  .option(dataOption, dataHelp)
  .option('--password-stdin', 'read the password from stdin')
  .option(
    '--password <password>',
    'the password (visible in the process list: prefer --password-stdin or INKPROOF_PASSWORD)',
  )
  .option('--token', 'also issue an API token and print it')
  .option('--admin', "let the account change this machine's settings (the local model, the limits' ceiling)")
  .action(
    async (
      name: string,
      o: { data?: string; password?: string; passwordStdin?: boolean; token?: boolean; admin?: boolean },
    ) => {
      const { userAdd } = await import('./cli/user');
      process.exitCode = await userAdd(name, o);
    },
  );

user
  .command('admin')
  .description("Let an account change this machine's settings, or (with --revoke) take that away.")
  .argument('<name>', 'user name')
  .option(dataOption, dataHelp)
  .option('--revoke', 'take the right away')
  .action(async (name: string, o: { data?: string; revoke?: boolean }) => {
    const { userAdmin } = await import('./cli/user');
    process.exitCode = await userAdmin(name, o);
  });

user
  .command('password')
  .description('Set the password of an account.')
  .argument('<name>', 'user name')
  .option(dataOption, dataHelp)
  .option('--password-stdin', 'read the password from stdin')
  .option('--password <password>', 'the password')
  .action(async (name: string, o: { data?: string; password?: string; passwordStdin?: boolean }) => {
    const { userPassword } = await import('./cli/user');
    process.exitCode = await userPassword(name, o);
  });

user
  .command('list')
  .description('List the accounts.')
  .option(dataOption, dataHelp)
  .option('--json', 'print JSON')
  .action(async (o: { data?: string; json?: boolean }) => {
    const { userList } = await import('./cli/user');
    process.exitCode = await userList(o);
  });

user
  .command('remove')
  .description('Remove an account and its tokens.')
  .argument('<name>', 'user name')
  .option(dataOption, dataHelp)
  .option('--delete-documents', 'also delete the documents it owns (otherwise such an account is kept)')
  .action(async (name: string, o: { data?: string; deleteDocuments?: boolean }) => {
    const { userRemove } = await import('./cli/user');
    process.exitCode = await userRemove(name, o);
  });

user
  .command('token')
  .description('Issue an API token for an account (printed once on stdout), or list or revoke its tokens.')
  .argument('<name>', 'user name')
  .option(dataOption, dataHelp)
  .option('--name <label>', 'a label for the new token', 'cli')
  .option('--expires-in-days <days>', 'the new token expires after this many days')
  .option('--list', 'list the tokens of the account')
  .option('--revoke <id>', 'revoke a token by its ID or prefix')
  .option('--revoke-all', 'revoke every token of the account')
  .option('--json', 'print JSON')
  .action(
    async (
      name: string,
      o: {
        data?: string;
        name?: string;
        list?: boolean;
        revoke?: string;
        revokeAll?: boolean;
        json?: boolean;
        expiresInDays?: string;
      },
    ) => {
      const { userToken } = await import('./cli/user');
      process.exitCode = await userToken(name, o);
    },
  );

user
  .command('share')
  .description("Share an account's synced library with other accounts (their devices may sync it), or stop sharing it.")
  .argument('<name>', 'the library owner')
  .option(dataOption, dataHelp)
  .option('--with <user>', 'share it with this account')
  .option('--unshare <user>', 'stop sharing it with this account')
  .option('--list', 'list the accounts it is shared with')
  .action(async (name: string, o: { data?: string; with?: string; unshare?: string; list?: boolean }) => {
    const { userShare } = await import('./cli/user');
    process.exitCode = await userShare(name, o);
  });

const settings = program
  .command('settings')
  .description("The machine's settings of a data folder: the local model and the ceiling of the limits.");

settings
  .command('show', { isDefault: true })
  .description("Print the machine's settings.")
  .option(dataOption, dataHelp)
  .action(async (o: { data?: string }) => {
    const { settingsShow } = await import('./cli/settings');
    process.exitCode = await settingsShow(o);
  });

settings
  .command('set')
  .description(
    'Change one machine setting: llm.kind, llm.url, llm.model, llm.context_tokens, llm.timeout_seconds, llm.allowed_hosts (comma-separated), max_file_bytes.',
  )
  .argument('<key>', 'the setting')
  .argument('<value>', 'its new value')
  .option(dataOption, dataHelp)
  .action(async (key: string, value: string, o: { data?: string }) => {
    const { settingsSet } = await import('./cli/settings');
    process.exitCode = await settingsSet(key, value, o);
  });

function usage(message: string): InkproofError {
  return new InkproofError('invalid_input', message);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander already printed the problem (or the help/version text).
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  } else if (InkproofError.is(err)) {
    process.stderr.write(`inkproof: ${err.message}\n`);
    process.exitCode = err.code === 'invalid_input' ? 2 : 1;
  } else {
    createLogger().error({ err }, 'unexpected failure');
    process.exitCode = 1;
  }
}
