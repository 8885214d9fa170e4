import { InkproofError } from '../../src-shared/errors';

/** A byte count for a user's message: "20 MB", "1.5 MB", "64 KB". */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  const mb = kb / 1024;
  if (mb >= 10) return `${Math.round(mb)} MB`;
  if (mb >= 1) return `${Math.round(mb * 10) / 10} MB`;
  if (kb >= 1) return `${Math.round(kb)} KB`;
  return `${bytes} bytes`;
}

/** A file over the import limit, in words a user acts on. */
export function tooLargeError(bytes: number, max: number): InkproofError {
  return new InkproofError(
    'too_large',
    `This file is ${formatSize(bytes)}, larger than the limit of ${formatSize(max)}. Split it into smaller files, or raise the limit in Settings.`,
  );
}
