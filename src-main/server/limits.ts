/**
 * The server's limits on what one request or one reader may cost, in one place (docs/security.md
 * lists them with where each applies and how it is tested). Every limit is checked before the work
 * it bounds: sizes from the headers before a body is read and again while it streams in, JSON
 * nesting and value counts while the bytes arrive (before JSON.parse), rate limits before parsing,
 * uploads file by file as they arrive.
 *
 * The values keep any single request's work on the event loop in the order of milliseconds: V8's
 * JSON.parse takes about 3 µs per nesting level and 0.1–0.2 µs per value, so a body within the
 * depth and value limits parses in a few milliseconds whatever its shape.
 */
export interface ServerLimits {
  /** `POST /api/auth/login` (no token): name and password. */
  loginBodyBytes: number;
  /** `/broadcasting/auth`, `/pusher/auth` and the user-auth endpoints: a socket id and a channel name. */
  channelAuthBodyBytes: number;
  /** Any other JSON or form body under /api. */
  jsonBodyBytes: number;
  /** A JSON import (`POST /api/documents`, the importDocuments command); larger files go as multipart. */
  jsonImportBytes: number;
  /** Nesting of arrays and objects in any JSON body. */
  jsonDepth: number;
  /** Values (strings, numbers, literals, arrays, objects) in any JSON body. */
  jsonValues: number;
  /** Files in one multipart upload (each is also held to the import size limit as it arrives). */
  uploadFiles: number;
  /** Non-file fields in one multipart upload, and the bytes of each. */
  uploadFields: number;
  uploadFieldBytes: number;
  /** Uploaded files held in memory at once, over all requests (the others wait, unread). */
  uploadsInMemory: number;
  /** An upload that sends nothing for this long while a file is being read is dropped (its slot freed). */
  uploadIdleMs: number;
  /** Bytes a reader of the event stream may leave unread before it is disconnected. */
  streamBufferBytes: number;
  /** Event streams open at once per user. */
  streamsPerUser: number;
  /**
   * A request answered before its body was read (401, 403, 413, 429 …) closes its connection; what
   * the client still sends meanwhile is dropped up to this many bytes…
   */
  lingerBytes: number;
  /** …for at most this long (so that the answer reaches it before the connection is reset). */
  lingerMs: number;
}

const KB = 1024;
const MB = 1024 * KB;

export const DEFAULT_LIMITS: ServerLimits = {
  loginBodyBytes: 4 * KB,
  channelAuthBodyBytes: 8 * KB,
  jsonBodyBytes: 1 * MB,
  jsonImportBytes: 4 * MB,
  jsonDepth: 32,
  jsonValues: 50_000,
  uploadFiles: 100,
  uploadFields: 20,
  uploadFieldBytes: 64 * KB,
  uploadsInMemory: 4,
  uploadIdleMs: 30_000,
  streamBufferBytes: 4 * MB,
  streamsPerUser: 16,
  lingerBytes: 64 * KB,
  lingerMs: 2000,
};
