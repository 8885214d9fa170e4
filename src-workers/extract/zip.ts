/**
 * A zip reader for untrusted archives (.docx files), built on yauzl reading from a buffer.
 *
 * `openZip` reads only the central directory and refuses a zip bomb before a single byte is
 * inflated: too many entries, a total declared uncompressed size above the limit, or an entry
 * that claims to expand far more than any document does. The returned reader then inflates an
 * entry only when asked, and yauzl checks while inflating that no entry produces more bytes than it
 * declared, so a lying central directory cannot get past the limits either. Each entry is
 * inflated at most once (cached), so the total work and memory stay under the declared total.
 */
import { Buffer } from 'node:buffer';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InkproofError } from '../../src-shared/errors';
import { formatSize } from './size';

export interface ZipLimits {
  /** Largest total uncompressed size of all entries together. */
  maxTotalUncompressed: number;
  /** Most entries in the archive. */
  maxEntries: number;
  /** Largest expansion ratio (uncompressed / compressed) for an entry above `ratioFloor` bytes. */
  maxRatio: number;
  /** Entries smaller than this may have any ratio (tiny files compress very well). */
  ratioFloor: number;
}

export const DEFAULT_ZIP_LIMITS: Omit<ZipLimits, 'maxTotalUncompressed'> = {
  maxEntries: 5000,
  // Word's XML compresses about 5–20×; a few hundred is already extreme, zip bombs reach 1000×.
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

/** The zip could not be read at all (not a zip, truncated, damaged). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** Why an archive was refused by the limits, in words for the user's message. */
export class ZipBombError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipBombError';
  }
}

export interface OpenedZip {
  names: string[];
  totalUncompressed: number;
  has(name: string): boolean;
  size(name: string): number | undefined;
  /** The entry's bytes, inflated with the size checks; throws ZipFormatError when it is damaged. */
  read(name: string): Promise<Uint8Array>;
  close(): void;
}

export async function openZip(bytes: Uint8Array, limits: ZipLimits): Promise<OpenedZip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (err) {
    throw new ZipFormatError((err as Error).message);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ZipBombError(
        `it holds ${zip.entryCount.toLocaleString('en-US')} files, more than the ${limits.maxEntries.toLocaleString('en-US')} a document can have`,
      );
    }
    const entries = new Map<string, Entry>();
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue; // a directory
        total += entry.uncompressedSize;
        if (total > limits.maxTotalUncompressed) {
          throw new ZipBombError(`its contents would expand to more than ${formatSize(limits.maxTotalUncompressed)}`);
        }
        if (entry.uncompressedSize > limits.ratioFloor) {
          const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
          if (ratio > limits.maxRatio) {
            throw new ZipBombError(
              `one of its parts would expand ${Math.round(ratio).toLocaleString('en-US')} times, far more than any document does`,
            );
          }
        }
        entries.set(entry.fileName, entry);
      }
    } catch (err) {
      if (err instanceof ZipBombError) throw err;
      throw new ZipFormatError((err as Error).message);
    }

    const cache = new Map<string, Promise<Uint8Array>>();
    const inflate = async (entry: Entry): Promise<Uint8Array> => {
      if (entry.isEncrypted())
        throw new InkproofError(
          'encrypted_file',
          'This file is a password-protected archive. Remove the password and try again.',
        );
      if (!entry.canDecodeFileData())
        throw new ZipFormatError(`unsupported compression method ${entry.compressionMethod}`);
      const chunks: Buffer[] = [];
      let got = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          got += chunk.length;
          // yauzl stops a stream that exceeds the declared size; this is a second fence.
          if (got > entry.uncompressedSize)
            throw new ZipBombError('one of its parts holds far more data than it declares');
          chunks.push(chunk);
        }
      } catch (err) {
        if (err instanceof ZipFormatError || err instanceof InkproofError) throw err;
        const message = (err as Error).message ?? '';
        // yauzl's check of the actual against the declared size: a central directory that lies.
        if (/too many bytes in the stream/.test(message))
          throw new ZipBombError('one of its parts holds far more data than it declares');
        throw new ZipFormatError(message);
      }
      const out = Buffer.concat(chunks, got);
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    };

    return {
      names: [...entries.keys()],
      totalUncompressed: total,
      has: (name) => entries.has(name),
      size: (name) => entries.get(name)?.uncompressedSize,
      read(name) {
        const entry = entries.get(name);
        if (!entry) return Promise.reject(new ZipFormatError(`missing part ${name}`));
        let p = cache.get(name);
        if (!p) {
          p = inflate(entry);
          cache.set(name, p);
        }
        return p;
      },
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}
