/**
 * The baseline of bench/sync.ts: what a plain HTTP server does with the same documents — bulk
 * upload (JSON batches stored in SQLite in one transaction each, as the sync server stores a push),
 * bulk download (pages of JSON, gzipped like the sync server's), and a relay that hands a posted
 * change to WebSocket listeners (the least any device → server → device path does). No ids, no
 * receipts, no conflicts, no catch-up: the floor the sync protocol is measured against.
 */
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { WebSocketServer, type WebSocket } from 'ws';

const gzip = promisify(zlib.gzip);
const dir = process.argv[2];
const db = new Database(path.join(dir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, bucket TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL)',
);
const insert = db.prepare('INSERT INTO docs (bucket, name, text) VALUES (?, ?, ?)');
const page = db.prepare('SELECT name, text FROM docs WHERE bucket = ? ORDER BY id LIMIT ? OFFSET ?');
const listeners = new Set<WebSocket>();

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      if (req.method === 'POST' && url.pathname === '/upload') {
        const { bucket, docs } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          bucket: string;
          docs: { name: string; text: string }[];
        };
        db.transaction(() => {
          for (const d of docs) insert.run(bucket, d.name, d.text);
        })();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: docs.length }));
      } else if (req.method === 'GET' && url.pathname === '/docs') {
        const rows = page.all(
          url.searchParams.get('bucket'),
          Number(url.searchParams.get('limit')),
          Number(url.searchParams.get('offset')),
        );
        const body = await gzip(JSON.stringify({ docs: rows }), { level: 4 });
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(body);
      } else if (req.method === 'POST' && url.pathname === '/relay') {
        const frame = Buffer.concat(chunks).toString('utf8');
        for (const ws of listeners) ws.send(frame);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    })();
  });
});
const wss = new WebSocketServer({ server, path: '/listen' });
wss.on('connection', (ws) => {
  listeners.add(ws);
  ws.on('close', () => listeners.delete(ws));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
});
