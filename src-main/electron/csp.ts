/**
 * The renderer's Content-Security-Policy. The built page carries it as a <meta> (so the browser
 * version has it too); the desktop app's protocol handler also sends it as a header, where
 * frame-ancestors applies. Nothing inline, nothing remote: scripts and styles come from the app.
 * `connect-src 'self'` covers the browser version's fetches, server-sent events and its WebSocket
 * to the same host and port.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const HEADER_CSP = `${RENDERER_CSP}; frame-ancestors 'none'`;
